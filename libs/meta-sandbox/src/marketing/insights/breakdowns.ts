import { createRng } from '../../core/rng';
import { GraphErrors } from '../../core/graph-errors';
import { parseList } from '../marketing-params';
import type { DayMetrics } from './daily-delivery';
import { METRIC_KEYS } from './daily-delivery';

/** The breakdowns the sandbox can split delivery by, with each value's typical share for an insurance advertiser. */
const DIMENSIONS: Record<string, { group: string; values: [string, number][] }> = {
  age: {
    group: 'demographic',
    values: [
      ['18-24', 0.07],
      ['25-34', 0.21],
      ['35-44', 0.25],
      ['45-54', 0.21],
      ['55-64', 0.16],
      ['65+', 0.1],
    ],
  },
  gender: {
    group: 'demographic',
    values: [
      ['female', 0.53],
      ['male', 0.44],
      ['unknown', 0.03],
    ],
  },
  country: { group: 'geo', values: [['US', 1]] },
  region: {
    group: 'geo',
    values: [
      ['New Jersey', 0.34],
      ['New York', 0.31],
      ['Pennsylvania', 0.16],
      ['Connecticut', 0.11],
      ['Delaware', 0.08],
    ],
  },
  publisher_platform: {
    group: 'delivery',
    values: [
      ['facebook', 0.63],
      ['instagram', 0.3],
      ['audience_network', 0.05],
      ['messenger', 0.02],
    ],
  },
  platform_position: {
    group: 'delivery',
    values: [
      ['feed', 0.58],
      ['story', 0.14],
      ['facebook_reels', 0.1],
      ['instagram_reels', 0.1],
      ['marketplace', 0.08],
    ],
  },
  device_platform: {
    group: 'delivery',
    values: [
      ['mobile_app', 0.83],
      ['mobile_web', 0.06],
      ['desktop', 0.11],
    ],
  },
  impression_device: {
    group: 'delivery',
    values: [
      ['iphone', 0.47],
      ['android_smartphone', 0.36],
      ['desktop', 0.11],
      ['ipad', 0.04],
      ['other', 0.02],
    ],
  },
};

export const SUPPORTED_BREAKDOWNS = Object.keys(DIMENSIONS);

/** `breakdowns=["age","gender"]`; demographic, geographic and delivery breakdowns cannot be mixed. */
export function parseBreakdowns(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  const list = parseList(raw, 'breakdowns');
  list.forEach((name, i) => {
    if (!DIMENSIONS[name])
      throw GraphErrors.invalidParameter(`breakdowns[${i}] must be one of the following values: ${SUPPORTED_BREAKDOWNS.join(', ')}`);
  });
  const groups = new Set(list.map((name) => DIMENSIONS[name].group));
  if (groups.size > 1) throw GraphErrors.invalidParameter(`Current combination of data breakdown columns (${list.join(', ')}) is invalid`);
  return [...new Set(list)];
}

export interface Segment {
  key: string;
  values: Record<string, string>;
  weight: number;
}

/** Every combination of the requested breakdown values with its share, jittered per ad so ads differ. */
export function segmentsFor(seed: string, adId: string, breakdowns: string[]): Segment[] {
  let segments: Segment[] = [{ key: '', values: {}, weight: 1 }];
  for (const name of breakdowns) {
    const rng = createRng(`${seed}/breakdown/${adId}/${name}`);
    const raw = DIMENSIONS[name].values.map(([value, share]) => [value, share * (0.8 + 0.4 * rng.next())] as const);
    const total = raw.reduce((sum, [, share]) => sum + share, 0);
    segments = segments.flatMap((segment) =>
      raw.map(([value, share]) => ({
        key: `${segment.key}|${value}`,
        values: { ...segment.values, [name]: value },
        weight: (segment.weight * share) / total,
      })),
    );
  }
  return segments;
}

/**
 * People seen on several platforms or placements count once in the total and once per segment, so delivery
 * breakdowns add up to more reach than the total (Meta: reach does not sum across breakdowns); a person has one age,
 * gender and region, so those split it.
 */
const PLATFORM_OVERLAP = 0.18;

/** Splits whole numbers over segments by largest remainder, so the parts add up to the day's total. */
export function splitDay(day: DayMetrics, segments: Segment[], breakdowns: string[] = []): DayMetrics[] {
  if (segments.length === 1) return [day];
  const parts = segments.map(() => ({}) as DayMetrics);
  for (const key of METRIC_KEYS) {
    const exact = segments.map((segment) => day[key] * segment.weight);
    const floors = exact.map(Math.floor);
    let left = day[key] - floors.reduce((sum, value) => sum + value, 0);
    const order = exact.map((value, i) => [value - Math.floor(value), i] as const).sort((a, b) => b[0] - a[0]);
    for (const [, i] of order) {
      if (left <= 0) break;
      floors[i] += 1;
      left -= 1;
    }
    floors.forEach((value, i) => (parts[i][key] = value));
  }
  // View-through leads are some of the leads: move any surplus of a segment to segments with room.
  let surplus = 0;
  for (const part of parts) {
    if (part.viewLeads > part.leads) {
      surplus += part.viewLeads - part.leads;
      part.viewLeads = part.leads;
    }
  }
  for (const part of parts) {
    const room = Math.min(surplus, part.leads - part.viewLeads);
    part.viewLeads += room;
    surplus -= room;
  }
  if (breakdowns.some((name) => DIMENSIONS[name]?.group === 'delivery')) {
    for (const part of parts) part.reach = Math.min(part.impressions, Math.round(part.reach * (1 + PLATFORM_OVERLAP)));
  }
  return parts;
}
