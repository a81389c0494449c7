/**
 * Reads the `leadgen` changes out of a `page` webhook delivery
 * (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving):
 * `{"object":"page","entry":[{"id","time","changes":[{"field":"leadgen","value":{leadgen_id,page_id,form_id,...}}]}]}`.
 * Every entry and every change is looked at; anything that is not a usable leadgen change is reported with a
 * reason instead of thrown, because the delivery is Meta's (the signature proved it) and must be acknowledged.
 * Strings taken from the body are cut and made storable (`storableText`): they end up in the inbox row.
 */

import { storableText } from './delivery-body';

export interface LeadgenChange {
  /** Where the change sits in the delivery: index in `entry[]` and in that entry's `changes[]`. */
  entry: number;
  change: number;
  leadgenId: string;
  pageId: string;
  formId: string | null;
  adId: string | null;
  adgroupId: string | null;
  createdTime: number | null;
}

export type IgnoreReason =
  'unsupported_object' | 'no_entries' | 'no_change_values' | 'unknown_field' | 'malformed_change' | 'unknown_page' | 'repeated_in_delivery';

/** One part of a delivery that produced no job, and why. Stored on the inbox row (`ignored_changes`). */
export interface IgnoredChange {
  /** Index in `entry[]`, when the reason concerns one entry. */
  entry: number | null;
  /** Index in that entry's `changes[]`, when the reason concerns one change. */
  change: number | null;
  field: string | null;
  pageId: string | null;
  reason: IgnoreReason;
  detail?: string;
}

export interface ExtractedChanges {
  object: string | null;
  changes: LeadgenChange[];
  ignored: IgnoredChange[];
  /**
   * Every Page the delivery names (entry ids and the changes' page ids), each once, and its number of changes
   * (each element of an entry's `changes[]`, usable or not): the inbox row keeps both for the reads that list
   * deliveries, so those never parse a stored body.
   */
  pageIds: string[];
  changeCount: number;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function extractLeadgenChanges(payload: unknown): ExtractedChanges {
  const ignoredWhole = (reason: IgnoreReason, detail?: string, object: string | null = null): ExtractedChanges => ({
    object,
    changes: [],
    ignored: [{ entry: null, change: null, field: null, pageId: null, reason, ...(detail ? { detail } : {}) }],
    pageIds: [],
    changeCount: 0,
  });
  if (!isObject(payload)) return ignoredWhole('unsupported_object', 'the body is not a JSON object');
  // Compared as sent; what is stored is cut and made storable.
  const object = typeof payload['object'] === 'string' ? storableText(payload['object'], 50) : null;
  if (payload['object'] !== 'page')
    return ignoredWhole('unsupported_object', storableText(`object is ${JSON.stringify(payload['object'] ?? null)}`, 100), object);
  const entries = payload['entry'];
  if (!Array.isArray(entries) || entries.length === 0) return ignoredWhole('no_entries', undefined, object);

  const changes: LeadgenChange[] = [];
  const ignored: IgnoredChange[] = [];
  const seen = new Set<string>();
  const pageIds = new Set<string>();
  let changeCount = 0;
  entries.forEach((entry: unknown, entryIndex) => {
    const entryPageId = isObject(entry) ? metaId(entry['id']) : null;
    const base = { entry: entryIndex, pageId: typeof entryPageId === 'string' ? entryPageId : null };
    if (base.pageId !== null) pageIds.add(base.pageId);
    const entryChanges = isObject(entry) ? entry['changes'] : undefined;
    if (!Array.isArray(entryChanges)) {
      // With "Include Values" off Meta sends only `changed_fields`; there is no lead id to fetch.
      ignored.push({
        ...base,
        change: null,
        field: null,
        reason: isObject(entry) && Array.isArray(entry['changed_fields']) ? 'no_change_values' : 'malformed_change',
      });
      return;
    }
    changeCount += entryChanges.length;
    entryChanges.forEach((change: unknown, changeIndex) => {
      const at = { ...base, change: changeIndex };
      const sentField = isObject(change) ? change['field'] : undefined;
      const field = typeof sentField === 'string' ? storableText(sentField, 100) : null;
      if (sentField !== 'leadgen') {
        ignored.push({ ...at, field, reason: field === null ? 'malformed_change' : 'unknown_field' });
        return;
      }
      const read = readLeadgenValue(isObject(change) ? change['value'] : undefined, entryPageId, entryIndex, changeIndex);
      if (typeof read === 'string') {
        ignored.push({ ...at, field, reason: 'malformed_change', detail: read });
        return;
      }
      pageIds.add(read.pageId);
      const key = `${read.pageId}:${read.leadgenId}`;
      if (seen.has(key)) {
        ignored.push({ ...at, field, pageId: read.pageId, reason: 'repeated_in_delivery', detail: `leadgen_id ${read.leadgenId}` });
        return;
      }
      seen.add(key);
      changes.push(read);
    });
  });
  return { object, changes, ignored, pageIds: [...pageIds], changeCount };
}

/** The change's value, or a description of what is wrong with it. */
function readLeadgenValue(value: unknown, entryPageId: string | null | Invalid, entry: number, change: number): LeadgenChange | string {
  if (!isObject(value)) return 'value is missing';
  const leadgenId = metaId(value['leadgen_id']);
  if (leadgenId === null) return 'leadgen_id is missing';
  if (leadgenId instanceof Invalid) return `leadgen_id ${leadgenId.why}`;
  // The entry id is the Page too; the change's own page_id wins when both are there.
  const pageId = metaId(value['page_id']) ?? entryPageId;
  if (pageId === null) return 'page_id is missing';
  if (pageId instanceof Invalid) return `page_id ${pageId.why}`;
  const optional = (key: string): string | null => {
    const id = metaId(value[key]);
    return typeof id === 'string' ? id : null;
  };
  const created = value['created_time'];
  const createdTime =
    typeof created === 'number' && Number.isSafeInteger(created) && created > 0
      ? created
      : typeof created === 'string' && /^\d{1,12}$/.test(created)
        ? Number(created)
        : null;
  return {
    entry,
    change,
    leadgenId,
    pageId,
    formId: optional('form_id'),
    adId: optional('ad_id'),
    adgroupId: optional('adgroup_id'),
    createdTime,
  };
}

class Invalid {
  constructor(readonly why: string) {}
}

/**
 * Meta ids are numeric strings; the docs' samples show JSON numbers, so both are accepted and normalised to a
 * string. A number beyond 2^53 has already lost digits in JSON.parse and cannot name the right object.
 */
function metaId(value: unknown): string | null | Invalid {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return /^\d{1,40}$/.test(value) ? value : new Invalid('is not a numeric id');
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value <= 0) return new Invalid('is not a numeric id');
    return Number.isSafeInteger(value) ? String(value) : new Invalid('is a JSON number too large to read exactly');
  }
  return new Invalid('is not a numeric id');
}
