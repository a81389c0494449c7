import { extractLeadgenChanges } from './leadgen-changes';

const value = (leadgenId: string, pageId = '100', extra: Record<string, unknown> = {}) => ({
  leadgen_id: leadgenId,
  page_id: pageId,
  form_id: '555',
  adgroup_id: '666',
  ad_id: '666',
  created_time: 1764399990,
  ...extra,
});

describe(extractLeadgenChanges.name, () => {
  it('reads every change of every entry', () => {
    const result = extractLeadgenChanges({
      object: 'page',
      entry: [
        {
          id: '100',
          time: 1,
          changes: [
            { field: 'leadgen', value: value('1') },
            { field: 'leadgen', value: value('2') },
          ],
        },
        { id: '200', time: 1, changes: [{ field: 'leadgen', value: value('3', '200') }] },
      ],
    });
    expect(result.ignored).toEqual([]);
    expect(result.changes.map((c) => [c.entry, c.change, c.pageId, c.leadgenId])).toEqual([
      [0, 0, '100', '1'],
      [0, 1, '100', '2'],
      [1, 0, '200', '3'],
    ]);
    expect(result.changes[0]).toMatchObject({ formId: '555', adId: '666', adgroupId: '666', createdTime: 1764399990 });
  });

  it('accepts ids sent as JSON numbers and normalises them to strings', () => {
    const result = extractLeadgenChanges({
      object: 'page',
      entry: [
        {
          id: 100,
          changes: [{ field: 'leadgen', value: { leadgen_id: 444444444444, page_id: 100, form_id: 555, created_time: '1764399990' } }],
        },
      ],
    });
    expect(result.changes[0]).toMatchObject({
      leadgenId: '444444444444',
      pageId: '100',
      formId: '555',
      adId: null,
      createdTime: 1764399990,
    });
  });

  it('refuses a numeric id too large to have survived JSON.parse', () => {
    const result = extractLeadgenChanges({
      object: 'page',
      // eslint-disable-next-line no-loss-of-precision -- the lost precision is what the test is about
      entry: [{ id: '1', changes: [{ field: 'leadgen', value: { leadgen_id: 12345678901234567, page_id: '1' } }] }],
    });
    expect(result.changes).toEqual([]);
    expect(result.ignored[0]).toMatchObject({ reason: 'malformed_change', detail: expect.stringContaining('too large') });
  });

  it('takes the page from the entry when the change does not name it', () => {
    const result = extractLeadgenChanges({
      object: 'page',
      entry: [{ id: '300', changes: [{ field: 'leadgen', value: { leadgen_id: '9' } }] }],
    });
    expect(result.changes[0]).toMatchObject({ pageId: '300', leadgenId: '9', formId: null });
  });

  it('records other fields and broken changes as ignored, with their position', () => {
    const result = extractLeadgenChanges({
      object: 'page',
      entry: [
        {
          id: '100',
          changes: [
            { field: 'feed', value: {} },
            { field: 'leadgen', value: value('1') },
            { field: 'leadgen', value: { page_id: '100' } },
            'x',
          ],
        },
        { id: '100', changed_fields: ['leadgen'] },
      ],
    });
    expect(result.changes.map((c) => c.leadgenId)).toEqual(['1']);
    expect(result.ignored).toEqual([
      { entry: 0, change: 0, field: 'feed', pageId: '100', reason: 'unknown_field' },
      { entry: 0, change: 2, field: 'leadgen', pageId: '100', reason: 'malformed_change', detail: 'leadgen_id is missing' },
      { entry: 0, change: 3, field: null, pageId: '100', reason: 'malformed_change' },
      { entry: 1, change: null, field: null, pageId: '100', reason: 'no_change_values' },
    ]);
  });

  it('keeps one change per lead when a delivery repeats it', () => {
    const result = extractLeadgenChanges({
      object: 'page',
      entry: [
        {
          id: '100',
          changes: [
            { field: 'leadgen', value: value('1') },
            { field: 'leadgen', value: value('1') },
          ],
        },
      ],
    });
    expect(result.changes).toHaveLength(1);
    expect(result.ignored).toEqual([expect.objectContaining({ change: 1, reason: 'repeated_in_delivery' })]);
  });

  it.each([
    ['another object', { object: 'instagram', entry: [] }, 'unsupported_object'],
    ['an array', [{ object: 'page' }], 'unsupported_object'],
    ['no entries', { object: 'page', entry: [] }, 'no_entries'],
    ['nothing parsed', undefined, 'unsupported_object'],
  ])('ignores a delivery with %s as a whole', (_what, payload, reason) => {
    const result = extractLeadgenChanges(payload);
    expect(result.changes).toEqual([]);
    expect(result.ignored).toEqual([expect.objectContaining({ entry: null, reason })]);
  });
});

describe('what a delivery names', () => {
  it('is every Page of the delivery, once, and every change, usable or not', () => {
    const extracted = extractLeadgenChanges({
      object: 'page',
      entry: [
        {
          id: '100',
          changes: [{ field: 'leadgen', value: value('1') }, { field: 'feed', value: {} }, 'x', { field: 'leadgen', value: value('1') }],
        },
        { id: '200', changes: [{ field: 'leadgen', value: value('2', '300') }] },
        { id: '400', changed_fields: ['leadgen'] },
        { id: 'not-a-page' },
      ],
    });
    expect(extracted).toMatchObject({ pageIds: ['100', '200', '300', '400'], changeCount: 5 });
  });

  it('has nothing to say about a body that is not a page delivery', () => {
    expect(extractLeadgenChanges(undefined)).toMatchObject({ pageIds: [], changeCount: 0 });
    expect(extractLeadgenChanges({ object: 'user', entry: [{ id: '5', changes: [{ field: 'email' }] }] })).toMatchObject({
      pageIds: [],
      changeCount: 0,
    });
  });
});

describe('strings taken from a delivery', () => {
  it('are cut and made storable: no NUL, no surrogate left unpaired by the cut', () => {
    const result = extractLeadgenChanges({
      object: 'page',
      entry: [{ id: '1', changes: [{ field: `${'f'.repeat(99)}\u{1F600}`, value: {} }] }],
    });
    expect(result.ignored[0].field).toBe(`${'f'.repeat(99)}\uFFFD`);
    // Compared as sent: a NUL does not make another object (or field) pass for `page` (or `leadgen`).
    const other = extractLeadgenChanges({ object: 'pa\u0000ge', entry: [{ id: '1', changes: [] }] });
    expect(other).toMatchObject({ object: 'page', changes: [], ignored: [{ reason: 'unsupported_object' }] });
    const field = extractLeadgenChanges({
      object: 'page',
      entry: [{ id: '1', changes: [{ field: 'lead\u0000gen', value: value('1', '1') }] }],
    });
    expect(field).toMatchObject({ changes: [], ignored: [{ field: 'leadgen', reason: 'unknown_field' }] });
  });
});
