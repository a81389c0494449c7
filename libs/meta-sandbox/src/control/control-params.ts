import type { Request } from 'express';
import { ControlError } from './control-error';

/** Reading control request bodies and queries: a bad value is a 400 naming it, never a 500. */

export const body = (req: Request): Record<string, any> => (req.body && typeof req.body === 'object' ? req.body : {});

export function optionalNumber(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number = Number(value);
  if (!Number.isFinite(number)) throw new ControlError(`${name} must be a number`);
  return number;
}

export function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') throw new ControlError(`${name} must be a string`);
  return String(value);
}

export function optionalBoolean(value: unknown, name: string): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new ControlError(`${name} must be true or false`);
}

export function queryString(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
