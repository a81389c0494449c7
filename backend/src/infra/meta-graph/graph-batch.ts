import { classifyGraphFailure, isFailedAnswer } from './classify-graph-error';
import { encodeParams } from './graph-http';
import type { MetaGraphError } from './meta-graph-error';
import type { GraphMethod, GraphParams } from './meta-graph.types';

/** Meta runs at most 50 operations per batch call (https://developers.facebook.com/docs/graph-api/batch-requests). */
export const MAX_BATCH_SIZE = 50;

export interface GraphBatchRequest {
  method: GraphMethod;
  path: string;
  params?: GraphParams;
  name?: string;
}

export type GraphBatchResult<T = unknown> =
  { ok: true; status: number; headers: Record<string, string>; body: T } | { ok: false; error: MetaGraphError };

/** One operation as Meta expects it inside `batch=[…]`; relative to the versioned base, never with a token. */
export interface BatchOperation {
  method: GraphMethod;
  relative_url: string;
  body?: string;
  name?: string;
}

export function toBatchOperation(req: GraphBatchRequest): BatchOperation {
  const path = req.path.replace(/^\/+/, '');
  const encoded = encodeParams(req.params ?? {}).toString();
  const op: BatchOperation =
    req.method === 'POST'
      ? { method: 'POST', relative_url: path, ...(encoded ? { body: encoded } : {}) }
      : { method: req.method, relative_url: encoded ? `${path}?${encoded}` : path };
  if (req.name) op.name = req.name;
  return op;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One item of Meta's batch answer: `{code, headers:[{name,value}], body:"<json string>"}`, or null if it did not run. */
export interface RawBatchItem {
  code: number;
  headers?: { name: string; value: string }[];
  body?: string;
}

export function batchItemHeaders(item: RawBatchItem): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of item.headers ?? []) if (h && typeof h.name === 'string') out[h.name.toLowerCase()] = String(h.value);
  return out;
}

/** Maps one answered item to a result or a typed error. */
export function parseBatchItem<T>(item: RawBatchItem, objectIds?: string[]): GraphBatchResult<T> {
  const headers = batchItemHeaders(item);
  let body: unknown = item.body;
  if (typeof item.body === 'string') {
    try {
      body = JSON.parse(item.body);
    } catch {
      body = item.body;
    }
  }
  if (isFailedAnswer(item.code, body)) {
    return { ok: false, error: classifyGraphFailure({ status: item.code, body, headers, objectIds }) };
  }
  return { ok: true, status: item.code, headers, body: body as T };
}
