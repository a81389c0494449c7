import { DateRange } from '@legeai/contracts';

import { toDay } from '../../../shared/time/calendar-day';

/** The dashboard's range choices; `custom` takes its days from the URL. */
export type RangePreset = '7' | '28' | '90' | 'this-month' | 'last-month' | 'custom';

export const RANGE_PRESETS: readonly { value: RangePreset; label: string }[] = [
  { value: '7', label: 'Last 7 days' },
  { value: '28', label: 'Last 28 days' },
  { value: '90', label: 'Last 90 days' },
  { value: 'this-month', label: 'This month' },
  { value: 'last-month', label: 'Last month' },
  { value: 'custom', label: 'Custom' },
];

export const DEFAULT_PRESET: RangePreset = '28';
/** What the API accepts: Meta keeps 37 months of insights. */
export const MAX_RANGE_DAYS = 1131;

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Calendar arithmetic on `YYYY-MM-DD`, free of the reader's time zone. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysIn(range: DateRange): number {
  return Math.round((Date.parse(`${range.until}T00:00:00Z`) - Date.parse(`${range.since}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The range of a preset, ending today (the reader's calendar day, which the account's mostly is). */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: Date = new Date()): DateRange {
  const until = toDay(today);
  switch (preset) {
    case '7':
    case '28':
    case '90':
      return { since: addDays(until, -(Number(preset) - 1)), until };
    case 'this-month':
      return { since: `${until.slice(0, 8)}01`, until };
    case 'last-month': {
      const firstOfThis = `${until.slice(0, 8)}01`;
      const lastOfPrevious = addDays(firstOfThis, -1);
      return { since: `${lastOfPrevious.slice(0, 8)}01`, until: lastOfPrevious };
    }
  }
}

/** A real calendar date in `YYYY-MM-DD`. */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  // 2026-02-30 parses as 2 March and 2026-13-01 not at all: only a date that reads back as itself is real.
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** Why a custom range cannot be asked for, in words; null when it can. */
export function customRangeProblem(since: string, until: string): string | null {
  if (!isDay(since) || !isDay(until)) return 'Choose both a first and a last day.';
  if (until < since) return 'The last day must not be before the first.';
  if (daysIn({ since, until }) > MAX_RANGE_DAYS) return 'Meta keeps 37 months of insights: choose a shorter range.';
  return null;
}

/** The dashboard's view as it lives in the URL (`?range=28`, or `?range=custom&since=…&until=…`, `&sort=roi`). */
export interface InsightsView {
  preset: RangePreset;
  range: DateRange;
  sort: CampaignSort;
  order: 'asc' | 'desc';
  /** One ad account, or all of them (null). */
  adAccountId: string | null;
  pageIndex: number;
}

export const CAMPAIGN_PAGE_SIZE = 20;

export type CampaignSort = 'spend' | 'cpl' | 'roi' | 'storedLeads' | 'name';
const SORTS: readonly CampaignSort[] = ['spend', 'cpl', 'roi', 'storedLeads', 'name'];

export function viewFromParams(params: Record<string, string | undefined>, today: Date = new Date()): InsightsView {
  const sort = SORTS.includes(params['sort'] as CampaignSort) ? (params['sort'] as CampaignSort) : 'spend';
  const order =
    params['order'] === 'asc' || params['order'] === 'desc' ? params['order'] : sort === 'cpl' || sort === 'name' ? 'asc' : 'desc';
  const adAccountId = /^act_\d{1,30}$/.test(params['account'] ?? '') ? params['account']! : null;
  const page = Number(params['page'] ?? '1');
  const pageIndex = Number.isInteger(page) && page >= 1 && page <= 10_000 ? page - 1 : 0;
  const since = params['since'] ?? '';
  const until = params['until'] ?? '';
  if (params['range'] === 'custom' && customRangeProblem(since, until) === null) {
    return { preset: 'custom', range: { since, until }, sort, order, adAccountId, pageIndex };
  }
  const preset = RANGE_PRESETS.some((p) => p.value === params['range'] && p.value !== 'custom')
    ? (params['range'] as Exclude<RangePreset, 'custom'>)
    : (DEFAULT_PRESET as Exclude<RangePreset, 'custom'>);
  return { preset, range: presetRange(preset, today), sort, order, adAccountId, pageIndex };
}

export function viewToParams(view: InsightsView): Record<string, string | null> {
  const custom = view.preset === 'custom';
  return {
    range: view.preset === DEFAULT_PRESET ? null : view.preset,
    since: custom ? view.range.since : null,
    until: custom ? view.range.until : null,
    sort: view.sort === 'spend' ? null : view.sort,
    order: view.order === (view.sort === 'cpl' || view.sort === 'name' ? 'asc' : 'desc') ? null : view.order,
    account: view.adAccountId,
    page: view.pageIndex === 0 ? null : String(view.pageIndex + 1),
  };
}

/** "3 Nov – 1 Dec 2026" in the reader's locale (days, not instants: read as UTC so no zone shifts them). */
export function rangeLabel(range: DateRange, locale?: string): string {
  const fmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const since = new Date(`${range.since}T00:00:00Z`);
  const until = new Date(`${range.until}T00:00:00Z`);
  return range.since === range.until ? fmt.format(since) : fmt.formatRange(since, until);
}

/** A day's short label for a chart axis or table: "3 Nov". */
export function dayLabel(day: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
