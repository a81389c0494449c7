import type { Request } from 'express';
import { parseMultipart, UploadedFile } from './multipart';

const isMultipart = (req: Request): boolean => Buffer.isBuffer(req.body) && /^multipart\/form-data/i.test(req.get('content-type') ?? '');

/**
 * Graph reads parameters from the query string and the body alike; form values arrive as strings (nested values
 * JSON-encoded), so JSON bodies are flattened to the same shape.
 */
export function requestParams(req: Request): Record<string, string> {
  const params: Record<string, string> = {};
  const add = (source: unknown): void => {
    if (!source || typeof source !== 'object') return;
    for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
      if (value === undefined) continue;
      const first = Array.isArray(value) && typeof value[0] === 'string' ? value[0] : value;
      params[key] = typeof first === 'string' ? first : JSON.stringify(first);
    }
  };
  add(req.query);
  add(isMultipart(req) ? parseMultipart(req.body as Buffer, req.get('content-type')!).fields : req.body);
  return params;
}

/** Files of a multipart upload; none for other bodies. */
export function requestFiles(req: Request): UploadedFile[] {
  return isMultipart(req) ? parseMultipart(req.body as Buffer, req.get('content-type')!).files : [];
}

export function requestHeaders(req: Request): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(req.headers)) headers[key] = Array.isArray(value) ? value[0] : value;
  return headers;
}

export function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
