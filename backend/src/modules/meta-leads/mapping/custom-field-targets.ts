import { LEAD_FIELD_TYPES, LeadFieldType } from '@legeai/contracts';
import type { FieldShape } from '../../leads';

/**
 * The custom fields a claim read with it (jsonb), read back defensively: entries without a key, a known type or
 * well-formed options are left out, so a malformed row can never break ingestion (their answers stay raw).
 */
export function readCustomFields(raw: unknown[] | null | undefined): FieldShape[] {
  const fields: FieldShape[] = [];
  for (const entry of raw ?? []) {
    if (!entry || typeof entry !== 'object') continue;
    const f = entry as Record<string, unknown>;
    if (typeof f['key'] !== 'string' || !LEAD_FIELD_TYPES.includes(f['type'] as LeadFieldType)) continue;
    const options = Array.isArray(f['options'])
      ? f['options'].flatMap((o: unknown) => {
          const option = (o ?? {}) as Record<string, unknown>;
          return typeof option['key'] === 'string' && typeof option['label'] === 'string'
            ? [{ key: option['key'], label: option['label'] }]
            : [];
        })
      : [];
    fields.push({
      key: f['key'],
      label: typeof f['label'] === 'string' ? f['label'] : f['key'],
      type: f['type'] as LeadFieldType,
      options,
    });
  }
  return fields;
}
