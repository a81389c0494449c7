import { classifyGraphFailure } from './classify-graph-error';
import type { GraphHttpResponse, GraphMethod, GraphParams } from './meta-graph.types';

export interface GraphHttpRequest {
  method: GraphMethod;
  url: string;
  headers: Record<string, string>;
  /** Form-encoded body (POST). */
  body?: string;
}

export type FetchLike = typeof fetch;

/** Encodes params the way Meta reads them: nested values as JSON strings, empty values left out. */
export function encodeParams(params: GraphParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    out.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return out;
}

/**
 * Sends one request and returns Meta's answer whatever its status. Throws a `transient` MetaGraphError when
 * no answer came (network failure, or no answer within `timeoutMs`).
 */
export async function sendGraphRequest(req: GraphHttpRequest, timeoutMs: number, fetchImpl: FetchLike = fetch): Promise<GraphHttpResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetchImpl(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: controller.signal,
    });
    const text = await res.text();
    const headers: Record<string, string> = {};
    res.headers.forEach((value, key) => (headers[key.toLowerCase()] = value));
    return { status: res.status, headers, body: parseBody(text) };
  } catch (err) {
    if (controller.signal.aborted) throw classifyGraphFailure({ timedOut: true });
    throw classifyGraphFailure({ networkError: err });
  } finally {
    clearTimeout(timer);
  }
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
