import type { LeadRecord } from '../world/types';
import { GraphErrors } from '../core/graph-errors';

interface Filter {
  field: string;
  operator: string;
  value: number;
}

const OPERATORS: Record<string, (a: number, b: number) => boolean> = {
  GREATER_THAN: (a, b) => a > b,
  GREATER_THAN_OR_EQUAL: (a, b) => a >= b,
  LESS_THAN: (a, b) => a < b,
  LESS_THAN_OR_EQUAL: (a, b) => a <= b,
};

/**
 * `filtering=[{"field":"time_created","operator":"GREATER_THAN","value":1764300000}]`
 * (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving).
 */
export function parseLeadFiltering(raw: string | undefined): Filter[] {
  if (raw === undefined || raw === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw GraphErrors.invalidParameter('Param filtering must be a JSON-encoded array');
  }
  if (!Array.isArray(parsed)) throw GraphErrors.invalidParameter('Param filtering must be a JSON-encoded array');
  return parsed.map((entry: unknown) => {
    const { field, operator, value } = (entry ?? {}) as Record<string, unknown>;
    if (field !== 'time_created') throw GraphErrors.invalidParameter(`Filtering field ${String(field)} is invalid. Allowed: time_created`);
    if (typeof operator !== 'string' || !OPERATORS[operator]) {
      throw GraphErrors.invalidParameter(`Filtering operator ${String(operator)} is not supported for time_created`);
    }
    const seconds = Number(value);
    if (!Number.isFinite(seconds)) throw GraphErrors.invalidParameter('Filtering value for time_created must be a unix timestamp');
    return { field, operator, value: seconds };
  });
}

export function applyLeadFiltering(leads: LeadRecord[], filters: Filter[]): LeadRecord[] {
  return leads.filter((lead) => filters.every((filter) => OPERATORS[filter.operator](Math.floor(lead.createdTime / 1000), filter.value)));
}
