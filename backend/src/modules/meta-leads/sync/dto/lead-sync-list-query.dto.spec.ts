import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { LeadSyncListQueryDto } from './lead-sync-list-query.dto';

const errorsOf = (query: Record<string, unknown>) => validateSync(plainToInstance(LeadSyncListQueryDto, query)).map((e) => e.property);

describe(LeadSyncListQueryDto.name, () => {
  it('accepts a numeric leadgen id, alone or with a state', () => {
    expect(errorsOf({ leadgenId: '1234567890123456' })).toEqual([]);
    expect(errorsOf({ leadgenId: '42', state: 'stored' })).toEqual([]);
  });

  it.each(['', 'abc', '12a', '-1', '1.5', ' 12', '1'.repeat(31), "1' OR '1'='1"])('refuses leadgenId %p', (leadgenId) => {
    expect(errorsOf({ leadgenId })).toEqual(['leadgenId']);
  });
});
