import type { AttributionEntry } from './marketing-state';
import { isObject, parseJson } from './marketing-params';
import { adsError } from './marketing-errors';

/**
 * `attribution_spec` on ad sets and ad accounts: which clicks and views a conversion is credited to
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign/). Meta's default is 7-day click and
 * 1-day view; 28-day click and 7/28-day view windows are gone (view windows return nothing since 2026-01-12).
 */
export const DEFAULT_ATTRIBUTION: AttributionEntry[] = [
  { event_type: 'CLICK_THROUGH', window_days: 7 },
  { event_type: 'VIEW_THROUGH', window_days: 1 },
];

const WINDOWS: Record<AttributionEntry['event_type'], number[]> = {
  CLICK_THROUGH: [1, 7],
  VIEW_THROUGH: [1],
  ENGAGED_VIDEO_VIEW: [1],
};

export function parseAttributionSpec(raw: string | undefined): AttributionEntry[] | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = parseJson(raw, 'attribution_spec');
  const refuse = (message: string) => adsError('attributionSpec', 'Invalid attribution setting', message, ['attribution_spec']);
  if (!Array.isArray(value) || value.length === 0)
    throw refuse('attribution_spec must be a non-empty JSON array of {event_type, window_days}.');
  const seen = new Set<string>();
  return value.map((entry) => {
    if (!isObject(entry) || typeof entry['event_type'] !== 'string' || !(entry['event_type'] in WINDOWS)) {
      throw refuse(`Each attribution_spec entry needs an event_type of ${Object.keys(WINDOWS).join(', ')}.`);
    }
    const type = entry['event_type'] as AttributionEntry['event_type'];
    const days = Number(entry['window_days']);
    if (!WINDOWS[type].includes(days)) throw refuse(`${type} supports window_days ${WINDOWS[type].join(' or ')}.`);
    if (seen.has(type)) throw refuse(`${type} appears twice in attribution_spec.`);
    seen.add(type);
    return { event_type: type, window_days: days };
  });
}
