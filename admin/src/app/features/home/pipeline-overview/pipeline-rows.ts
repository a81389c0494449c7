import { LeadPipelineCounts, LeadPipelineSummaryDto } from '@legeai/contracts';

import { toDay } from '../../../shared/time/calendar-day';

/** One number of the Overview and where it can be acted on. */
export interface PipelineCell {
  key: keyof LeadPipelineCounts;
  value: number;
  /** Route and fragment or query of the page to act on it. */
  link: { path: string; fragment?: string; queryParams?: Record<string, string> };
  /** Whether a non-zero value needs someone (failed, parked). */
  attention: boolean;
}

export interface PipelineRow {
  label: string;
  /** The window's start as the browser's calendar day (YYYY-MM-DD), for the Leads page's `from` filter. */
  fromDay: string;
  cells: PipelineCell[];
}

/** The columns of the Overview, in order. */
export const PIPELINE_COLUMNS: readonly { key: keyof LeadPipelineCounts; label: string }[] = [
  { key: 'received', label: 'Received' },
  { key: 'stored', label: 'Stored' },
  { key: 'failed', label: 'Failed' },
  { key: 'parked', label: 'Parked' },
];

/** Today's and this week's rows, each number linked to the page that shows (and fixes) it. */
export function pipelineRows(summary: LeadPipelineSummaryDto): PipelineRow[] {
  return [
    { label: 'Today', window: summary.today },
    { label: 'This week', window: summary.week },
  ].map(({ label, window }) => {
    const fromDay = toDay(new Date(window.since));
    return {
      label,
      fromDay,
      cells: PIPELINE_COLUMNS.map(({ key }) => ({
        key,
        value: window[key],
        attention: (key === 'failed' || key === 'parked') && window[key] > 0,
        link: linkFor(key, fromDay),
      })),
    };
  });
}

function linkFor(key: keyof LeadPipelineCounts, fromDay: string): PipelineCell['link'] {
  switch (key) {
    case 'stored':
      return { path: '/leads', queryParams: { from: fromDay } };
    case 'failed':
    case 'parked':
      return { path: '/activity', fragment: `${key}-heading` };
    default:
      return { path: '/activity' };
  }
}
