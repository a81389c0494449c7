import type { Request } from 'express';

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
  add(req.body);
  return params;
}

export function requestHeaders(req: Request): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(req.headers)) headers[key] = Array.isArray(value) ? value[0] : value;
  return headers;
}

export function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
