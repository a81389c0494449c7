import type { InsightBreakdown, InsightLevel } from '@legeai/contracts';

/** One report of a pull: a level, plainly or by one breakdown. Each is one report run (or sync read) per range. */
export interface PullUnit {
  level: InsightLevel;
  breakdown: InsightBreakdown;
}

/** Meta's breakdown columns of each stored fact set (https://developers.facebook.com/docs/marketing-api/insights/breakdowns). */
export const BREAKDOWN_COLUMNS: Record<Exclude<InsightBreakdown, 'none'>, string[]> = {
  platform: ['publisher_platform'],
  age_gender: ['age', 'gender'],
  region: ['region'],
};

/**
 * What every pull reads: the four levels plainly (reach is Meta's per level, never a sum of ads), and the three
 * breakdowns at account and campaign level only. The dashboard shows breakdowns for the whole account or one
 * campaign; at ad set and ad level they would multiply the rows (and Meta's work) by the segments, 5 to 18 per
 * object, for charts nobody draws. Ten reports per range.
 */
export const PULL_UNITS: readonly PullUnit[] = [
  { level: 'account', breakdown: 'none' },
  { level: 'campaign', breakdown: 'none' },
  { level: 'adset', breakdown: 'none' },
  { level: 'ad', breakdown: 'none' },
  ...(['account', 'campaign'] as const).flatMap((level) =>
    (['platform', 'age_gender', 'region'] as const).map((breakdown) => ({ level, breakdown })),
  ),
];

export const unitKey = (unit: PullUnit): string => `${unit.level}:${unit.breakdown}`;
