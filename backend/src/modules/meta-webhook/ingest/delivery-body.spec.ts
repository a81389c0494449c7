import { readDeliveryBody, storableText } from './delivery-body';

const read = (text: string | Buffer, isJson = true) => readDeliveryBody(Buffer.isBuffer(text) ? text : Buffer.from(text), isJson);

describe(readDeliveryBody.name, () => {
  it('reads a JSON body sent as application/json', () => {
    expect(read('{"object":"page","entry":[{"id":"1"}]}')).toEqual({ readable: true, json: { object: 'page', entry: [{ id: '1' }] } });
  });

  it('reads escapes PostgreSQL can hold: paired surrogates, other control characters, an escaped backslash before u0000', () => {
    expect(read('{"name":"\\ud83d\\ude00 \\u0001","path":"C:\\\\u0000"}')).toEqual({
      readable: true,
      json: { name: '\u{1F600} \u0001', path: 'C:\\u0000' },
    });
  });

  it.each([
    ['another content type', Buffer.from('{"object":"page"}'), false, 'not_application_json', { object: 'page' }],
    [
      'bytes that are not UTF-8',
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
      true,
      'invalid_utf8',
      { a: '\uFFFD' },
    ],
    ['an overlong UTF-8 encoding', Buffer.from([0x22, 0xc0, 0xaf, 0x22]), true, 'invalid_utf8', '\uFFFD\uFFFD'],
    ['text that is not JSON', Buffer.from('{"object":'), true, 'not_json', undefined],
    ['a raw NUL byte (not JSON)', Buffer.from('{"a":"\u0000"}'), true, 'not_json', undefined],
    [
      'a \\u0000 escape in a value',
      Buffer.from('{"entry":[{"changes":[{"value":{"form_id":"1\\u0000"}}]}]}'),
      true,
      'nul_character',
      expect.anything(),
    ],
    ['a \\u0000 escape in a key', Buffer.from('{"a\\u0000":1}'), true, 'nul_character', expect.anything()],
    ['a lone high surrogate', Buffer.from('["x\\uD800"]'), true, 'unpaired_surrogate', expect.anything()],
    ['a lone low surrogate', Buffer.from('["\\udc00x"]'), true, 'unpaired_surrogate', expect.anything()],
    ['surrogates in the wrong order', Buffer.from('["\\ude00\\ud83d"]'), true, 'unpaired_surrogate', expect.anything()],
  ])('quarantines a body with %s, with what a lenient read found', (_what, bytes, isJson, reason, json) => {
    expect(readDeliveryBody(bytes, isJson)).toEqual({ readable: false, reason, json });
  });

  it('names the NUL when a body has both', () => {
    expect(read('["\\ud800","\\u0000"]')).toMatchObject({ readable: false, reason: 'nul_character' });
  });

  it('walks a deeply nested or very wide body without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}"\\u0000"${']'.repeat(100_000)}`;
    expect(read(deep)).toMatchObject({ readable: false, reason: 'nul_character' });
    const wide = `[${Array.from({ length: 200_000 }, () => '1').join(',')},"\\ud800"]`;
    expect(read(wide)).toMatchObject({ readable: false, reason: 'unpaired_surrogate' });
  });
});

describe(storableText.name, () => {
  it('cuts to the length given', () => {
    expect(storableText('abcdef', 3)).toBe('abc');
  });

  it('drops NUL and replaces a surrogate the cut left unpaired', () => {
    expect(storableText('a\u0000b', 10)).toBe('ab');
    expect(storableText('ab\u{1F600}', 3)).toBe('ab\uFFFD');
    expect(storableText('\uDC00x\uD800', 10)).toBe('\uFFFDx\uFFFD');
    expect(storableText('\u{1F600}', 10)).toBe('\u{1F600}');
  });
});
