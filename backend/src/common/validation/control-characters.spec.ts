import { controlCharacterFields } from './control-characters';

const fieldsOf = (value: unknown, root?: string) => controlCharacterFields(value, root).map((f) => f.field);

describe(controlCharacterFields.name, () => {
  it('accepts ordinary text, accents, emoji and the other Unicode spaces', () => {
    expect(fieldsOf({ q: 'Müller O’Brien 50%_ 🙂', name: 'a\u00a0b\u2028c', n: 5, ok: true, none: null })).toEqual([]);
  });

  it.each(['\u0000', '\u0001', '\t', '\n', '\r', '\u001b', '\u001f', '\u007f'])('refuses %j inside a string', (c) => {
    expect(fieldsOf({ q: `a${c}b` })).toEqual(['q']);
  });

  it('lets JSON body values span lines (tab, LF, CR) but not hold other control characters, nor keys any', () => {
    const text = (value: unknown) => controlCharacterFields(value, '', { allowLineBreaks: true }).map((f) => f.field);
    expect(text({ description: 'Line one\r\nLine two\twith a tab' })).toEqual([]);
    expect(text({ description: 'a\u0000b', note: 'a\u001bb', other: 'a\u007fb' })).toEqual(['description', 'note', 'other']);
    expect(text({ 'a\nb': 'x' })).toEqual(['a\\nb']);
  });

  it('names nested values, array items and keys by their path, control characters escaped', () => {
    expect(fieldsOf({ defaults: { city: 'Paris\u0000' }, required: ['email', 'x\u0000'], fields: { 'a\u0000b': 'email' } })).toEqual([
      'defaults.city',
      'required.1',
      'fields.a\\u0000b',
    ]);
  });

  it('names a single parameter by its name, and a bare value as "value"', () => {
    expect(fieldsOf('a\u0000', 'hub.mode')).toEqual(['hub.mode']);
    expect(fieldsOf('a\u0000')).toEqual(['value']);
  });

  it('reports at most ten fields', () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, '\u0000']));
    expect(fieldsOf(many)).toHaveLength(10);
  });

  it('walks a deeply nested body without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(fieldsOf(deep)).toHaveLength(1);
  });

  it('leaves Buffers alone', () => {
    expect(fieldsOf({ raw: Buffer.from([0, 1, 2]) })).toEqual([]);
  });
});
