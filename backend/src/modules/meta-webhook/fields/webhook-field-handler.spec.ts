import { fieldHandlerProblems } from './webhook-field-handler';

describe(fieldHandlerProblems.name, () => {
  it('accepts exactly one handler per field the webhook reads', () => {
    expect(fieldHandlerProblems([{ field: 'leadgen', name: 'LeadgenFieldHandler' }])).toEqual([]);
  });

  it('names a field without a handler, a field with two, and a handler of a field the webhook does not read', () => {
    expect(fieldHandlerProblems([])).toEqual(['no handler for "leadgen"']);
    expect(
      fieldHandlerProblems([
        { field: 'leadgen', name: 'A' },
        { field: 'leadgen', name: 'B' },
        { field: 'feed', name: 'C' },
      ]),
    ).toEqual(['"leadgen" has 2 handlers (A, B)', 'C handles "feed", which the webhook does not read']);
  });
});
