import type { GraphContext } from './graph-context';
import type { RootRoute } from './graph-registry';
import { GraphError } from './graph-error';
import { GraphErrors } from './graph-errors';
import { jsonPath } from './json-path';
import { metaJson } from './meta-json';
import { VERSION_PATTERN } from './versions';
import { tokenFrom } from './token-auth';

/** Meta's limit on operations per batch (https://developers.facebook.com/docs/graph-api/batch-requests). */
export const MAX_BATCH_SIZE = 50;

interface BatchOperation {
  method?: string;
  relative_url?: string;
  body?: string;
  name?: string;
  depends_on?: string;
  omit_response_on_success?: boolean;
}

interface BatchItem {
  code: number;
  headers?: { name: string; value: string }[];
  body: string;
}

/** Headers Meta repeats inside each batch result. */
const ITEM_HEADERS = [
  'content-type',
  'facebook-api-version',
  'x-app-usage',
  'x-business-use-case-usage',
  'x-ad-account-usage',
  'x-ad-api-version-warning',
  'www-authenticate',
];

const REFERENCE = /\{result=([A-Za-z0-9_-]+):(\$[^}]*)\}/g;

function parseOperations(raw: string | undefined): BatchOperation[] {
  if (!raw) throw GraphErrors.unsupportedRequest('POST', '/');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw GraphErrors.invalidParameter('The parameter batch must be a JSON-encoded array');
  }
  if (!Array.isArray(parsed)) throw GraphErrors.invalidParameter('The parameter batch must be a JSON-encoded array');
  if (parsed.length > MAX_BATCH_SIZE) {
    throw GraphErrors.invalidParameter(`Too many requests in batch message. Maximum batch size is ${MAX_BATCH_SIZE}`);
  }
  return parsed as BatchOperation[];
}

function itemError(ctx: GraphContext, error: GraphError): BatchItem {
  const traceId = ctx.runtime.rng('trace').chars(23);
  return {
    code: error.status,
    headers: [{ name: 'Content-Type', value: 'application/json; charset=UTF-8' }],
    body: metaJson(error.toEnvelope(traceId)),
  };
}

/**
 * `POST /` with `batch=[…]`: each operation runs through the same dispatcher as an HTTP call, is counted and
 * charged on its own, and comes back as `{code, headers, body}` with the body as a JSON string. Operations inherit
 * the top-level token and its appsecret_proof. A `null` item is one that did not run.
 */
export const batchRoute: RootRoute = {
  method: 'POST',
  path: '',
  countsAsCall: false,
  async handle(ctx) {
    const operations = parseOperations(ctx.params['batch']);
    const includeHeaders = ctx.params['include_headers'] !== 'false';
    const results = new Map<string, { ok: boolean; body: unknown }>();
    const out: (BatchItem | null)[] = [];
    for (const operation of operations) {
      out.push(await runOperation(ctx, operation, results, includeHeaders));
    }
    return out;
  },
};

async function runOperation(
  ctx: GraphContext,
  operation: BatchOperation,
  results: Map<string, { ok: boolean; body: unknown }>,
  includeHeaders: boolean,
): Promise<BatchItem | null> {
  if (!operation || typeof operation !== 'object' || typeof operation.relative_url !== 'string') {
    return itemError(ctx, GraphErrors.invalidParameter('Each batch operation needs a relative_url'));
  }
  if (operation.depends_on && !results.get(operation.depends_on)?.ok) {
    return itemError(ctx, GraphErrors.invalidParameter(`The operation this one depends on (${operation.depends_on}) failed`));
  }
  if (ctx.runtime.faults.dropBatchItem()) return null;
  let unresolved = false;
  const substitute = (text: string): string =>
    text.replace(REFERENCE, (_match, name: string, path: string) => {
      const value = results.get(name) ? jsonPath(results.get(name)!.body, path) : undefined;
      if (value === undefined) unresolved = true;
      return value ?? '';
    });
  const relative = substitute(operation.relative_url.replace(/^\//, ''));
  const body = substitute(operation.body ?? '');
  if (unresolved) return itemError(ctx, GraphErrors.invalidParameter('A {result=…} reference in the batch could not be resolved'));
  const [pathPart = '', query = ''] = relative.split(/\?(.*)/s);
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) params[key] = value;
  for (const [key, value] of new URLSearchParams(body)) params[key] = value;
  if (!params['access_token']) {
    const inherited = tokenFrom(ctx.params, {});
    if (inherited) params['access_token'] = inherited;
    for (const key of ['appsecret_proof', 'appsecret_time']) {
      if (ctx.params[key] !== undefined && params[key] === undefined) params[key] = ctx.params[key]!;
    }
  }
  const firstSegment = pathPart.split('/')[0] ?? '';
  const path = VERSION_PATTERN.test(firstSegment) ? `/${pathPart}` : `/${ctx.version}/${pathPart}`;
  const response = await ctx.runtime.dispatcher.dispatch({
    method: (operation.method ?? 'GET').toUpperCase(),
    path,
    params,
    headers: {},
    baseUrl: ctx.baseUrl,
    inBatch: true,
  });
  const ok = response.status >= 200 && response.status < 300;
  if (operation.name) results.set(operation.name, { ok, body: response.body });
  // Named operations are left out of the answer on success unless asked for (Meta's default).
  if (ok && operation.name && operation.omit_response_on_success !== false) return null;
  const item: BatchItem = { code: response.status, body: metaJson(response.body) };
  if (includeHeaders) {
    item.headers = ITEM_HEADERS.filter((name) => response.headers[name] !== undefined).map((name) => ({
      name: name === 'content-type' ? 'Content-Type' : name,
      value: response.headers[name],
    }));
  }
  return item;
}
