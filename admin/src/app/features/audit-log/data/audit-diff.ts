import { AuditState } from '@legeai/contracts';

import { AUDIT_FIELD_LABELS, describeAuditValue } from '../../../shared/labels/audit-labels';
import { humanizeKey } from '../../../shared/labels/humanize';

/** One changed field of an entry, in words: "Role: Viewer → Manager". */
export interface AuditDiffRow {
  /** The field's dotted path, e.g. `mapping.fields.current_insurer`. */
  path: string;
  label: string;
  before: string;
  after: string;
}

/** Nested states deeper than this are shown as one value. */
const MAX_DEPTH = 4;

/**
 * The fields an entry's change touched, before → after, in the order the entry has them. Nested objects (a form's
 * mapping, an ad's budget) are opened up to their leaves, so a mapping change reads as the questions it moved rather
 * than two blobs. Fields equal on both sides are left out; a creation (no before) or removal (no after) lists all.
 */
export function auditDiff(before: AuditState | null, after: AuditState | null): AuditDiffRow[] {
  const was = flatten(before ?? {});
  const is = flatten(after ?? {});
  const paths = [...new Set([...was.keys(), ...is.keys()])];
  return paths
    .filter((path) => JSON.stringify(was.get(path) ?? null) !== JSON.stringify(is.get(path) ?? null))
    .map((path) => ({
      path,
      label: fieldLabel(path),
      before: before === null ? '—' : describeAuditValue(path, was.get(path)),
      after: after === null ? '—' : describeAuditValue(path, is.get(path)),
    }));
}

/** "Question “current_insurer”", "Default: Country", "Budget › Daily": a path in words. */
export function fieldLabel(path: string): string {
  const whole = AUDIT_FIELD_LABELS[path];
  if (whole) {
    return whole;
  }
  const segments = path.split('.');
  for (let cut = segments.length - 1; cut > 0; cut--) {
    const prefix = AUDIT_FIELD_LABELS[segments.slice(0, cut).join('.')];
    if (prefix) {
      return `${prefix}: ${segments.slice(cut).map(humanizeKey).join(' › ')}`;
    }
  }
  return segments.map((segment) => AUDIT_FIELD_LABELS[segment] ?? humanizeKey(segment)).join(' › ');
}

function flatten(state: Record<string, unknown>, prefix = '', depth = 0, into = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, value] of Object.entries(state)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isObject(value) && depth < MAX_DEPTH) {
      // An empty object adds no field: `defaults: {}` → `defaults: { country }` reads as the country being set.
      flatten(value, path, depth + 1, into);
    } else {
      into.set(path, value);
    }
  }
  return into;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
