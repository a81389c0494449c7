import { unmappedQuestionsOf } from './unmapped-questions';

describe(unmappedQuestionsOf.name, () => {
  const questions = [
    { key: 'email', type: 'EMAIL' },
    { key: 'current_insurer', label: 'Who insures your car today?', type: 'CUSTOM' },
    { key: 'coverage_needs', type: 'CUSTOM' },
    { type: 'CUSTOM' },
    'garbage',
  ];

  it('lists the custom questions no default covers, skipping entries without a key', () => {
    expect(unmappedQuestionsOf({ questions, mapping: null })).toEqual(['current_insurer', 'coverage_needs']);
  });

  it('counts a question mapped to a field or ignored as mapped', () => {
    const mapping = {
      fields: { coverage_needs: 'productInterest' as const, current_insurer: 'ignore' as const },
      defaults: {},
      required: [],
    };
    expect(unmappedQuestionsOf({ questions, mapping })).toEqual([]);
  });

  it('reads a stored mapping defensively: an unknown target leaves the question unmapped', () => {
    const mapping = { fields: { coverage_needs: 'shoeSize' }, defaults: {}, required: [] } as never;
    expect(unmappedQuestionsOf({ questions, mapping })).toEqual(['current_insurer', 'coverage_needs']);
  });
});
