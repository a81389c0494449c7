import type { GraphContext } from '../core/graph-context';
import { GraphError } from '../core/graph-error';
import { GraphErrors } from '../core/graph-errors';

/**
 * Reading Marketing API parameters as Meta's SDKs send them: form fields whose nested values are JSON strings.
 * Every bad value is a code 100 error naming the parameter, never an exception.
 */

export const requiredParam = (name: string): GraphError => GraphErrors.invalidParameter(`The parameter ${name} is required`);

export function optionalString(ctx: GraphContext, name: string): string | undefined {
  const value = ctx.params[name];
  return value === undefined || value === '' ? undefined : value;
}

export function requireString(ctx: GraphContext, name: string): string {
  const value = optionalString(ctx, name);
  if (value === undefined) throw requiredParam(name);
  return value;
}

export function parseEnum(value: string, name: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) {
    throw GraphErrors.invalidParameter(`${name} must be one of the following values: ${allowed.join(', ')}`);
  }
  return value;
}

/** A JSON parameter (`targeting`, `special_ad_categories`, `time_range`, …). */
export function parseJson(raw: string, name: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw GraphErrors.invalidParameter(`Param ${name} must be a JSON-encoded value`);
  }
}

export function optionalJson(ctx: GraphContext, name: string): unknown {
  const raw = optionalString(ctx, name);
  return raw === undefined ? undefined : parseJson(raw, name);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list parameter: a JSON array, or a bare comma-separated value as some clients send it. */
export function parseList(raw: string, name: string): string[] {
  const trimmed = raw.trim();
  const value = trimmed.startsWith('[')
    ? parseJson(trimmed, name)
    : trimmed
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw GraphErrors.invalidParameter(`Param ${name} must be an array of strings`);
  }
  return value as string[];
}

/** Budgets and bid amounts: whole minor units of the account currency (cents for USD). */
export function parseMinorUnits(raw: string, name: string): number {
  if (!/^\d+$/.test(raw.trim()))
    throw GraphErrors.invalidParameter(`Param ${name} must be a non-negative integer in the minor unit of the account currency`);
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw GraphErrors.invalidParameter(`Param ${name} is too large`);
  return value;
}

/** Times as Meta accepts them: ISO 8601 (`2026-12-01T00:00:00+0000`) or unix seconds. */
export function parseTime(raw: string, name: string): number {
  const trimmed = raw.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const normalized = trimmed.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(normalized);
  if (Number.isNaN(ms)) throw GraphErrors.invalidParameter(`Param ${name} must be a valid time (ISO 8601 or unix seconds)`);
  return ms;
}

/**
 * `execution_options=["validate_only"]`: check everything, write nothing
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group).
 */
export function validateOnly(ctx: GraphContext): boolean {
  const raw = optionalString(ctx, 'execution_options');
  return raw !== undefined && parseList(raw, 'execution_options').includes('validate_only');
}
