import { LeadPipelineSummaryDto } from '@legeai/contracts';
import { describe, expect, it } from 'vitest';

import { toDay } from '../../../shared/time/calendar-day';
import { pipelineRows } from './pipeline-rows';

const counts = { received: 0, stored: 0, duplicate: 0, pending: 0, failed: 0, parked: 0, skipped: 0 };
const summary: LeadPipelineSummaryDto = {
  timezone: 'Europe/Berlin',
  today: { ...counts, received: 5, stored: 3, failed: 1, parked: 1, since: new Date(2026, 11, 5).toISOString() },
  week: { ...counts, received: 12, stored: 10, failed: 1, parked: 1, since: new Date(2026, 10, 30).toISOString() },
  connection: { connected: true, status: 'active', overall: 'ok', paused: false },
};

describe('pipelineRows', () => {
  it('gives today and this week, each with received, stored, failed and parked', () => {
    const rows = pipelineRows(summary);
    expect(rows.map((r) => r.label)).toEqual(['Today', 'This week']);
    expect(rows[0].cells.map((c) => [c.key, c.value])).toEqual([
      ['received', 5],
      ['stored', 3],
      ['failed', 1],
      ['parked', 1],
    ]);
  });

  it('links stored leads to the Leads page from the window start, failures to their list on Activity', () => {
    const [today, week] = pipelineRows(summary);
    expect(today.cells.find((c) => c.key === 'stored')!.link).toEqual({ path: '/leads', queryParams: { from: '2026-12-05' } });
    expect(week.cells.find((c) => c.key === 'stored')!.link.queryParams).toEqual({ from: '2026-11-30' });
    expect(today.cells.find((c) => c.key === 'failed')!.link).toEqual({ path: '/activity', fragment: 'failed-heading' });
    expect(today.cells.find((c) => c.key === 'parked')!.link).toEqual({ path: '/activity', fragment: 'parked-heading' });
  });

  it('flags only failed and parked numbers above zero as needing attention', () => {
    const quiet = { ...summary, today: { ...summary.today, failed: 0, parked: 0 } };
    expect(pipelineRows(quiet)[0].cells.filter((c) => c.attention)).toEqual([]);
    expect(
      pipelineRows(summary)[0]
        .cells.filter((c) => c.attention)
        .map((c) => c.key),
    ).toEqual(['failed', 'parked']);
  });

  it('formats a local calendar day', () => {
    expect(toDay(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
  });
});
