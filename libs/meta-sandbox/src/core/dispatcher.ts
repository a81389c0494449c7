import type { GraphContext, HttpMethod, Identity } from './graph-context';
import type { AccessRule, EdgeSpec, NodeTypeSpec, Operation } from './graph-registry';
import type { SandboxRuntime } from './sandbox-runtime';
import type { UsageCharge } from './usage-types';
import { GraphError } from './graph-error';
import { GraphErrors } from './graph-errors';
import { parseFields } from './field-selection';
import { NodeResult, renderEdge, renderNode } from './node-renderer';
import { checkAppsecretProof, checkPermissions, identify, tokenFrom } from './token-auth';
import { ResolvedVersion, VERSION_PATTERN } from './versions';
import { usageHeaders } from './usage-headers';
import { UsageTracker } from './usage-tracker';
import { bucThrottleError } from './error-catalog';
import type { UploadedFile } from '../http/multipart';

export interface GraphRequest {
  method: string;
  /** Path as received, e.g. `/v25.0/me/accounts` (no query string). */
  path: string;
  params: Record<string, string>;
  /** Files of a multipart request (image uploads). */
  files?: UploadedFile[];
  headers: Record<string, string | undefined>;
  baseUrl: string;
  inBatch?: boolean;
}

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** What a path points at once resolved. */
type Target =
  | {
      kind: 'root';
      handle: (ctx: GraphContext) => unknown;
      access: AccessRule;
      charges: (ctx: GraphContext) => UsageCharge[];
      countsAsCall: boolean;
    }
  | { kind: 'node'; node: NodeTypeSpec<any>; obj: unknown; edgeName?: string; edge?: EdgeSpec<any> };

const SANDBOX_REV = '1019000001';

/**
 * The one pipeline every Graph call goes through, over HTTP or inside a batch: version → token → route →
 * appsecret_proof → rate limits → permissions → handler → rendering, with faults injected up front and every call
 * logged and counted.
 */
export class GraphDispatcher {
  constructor(private readonly runtime: SandboxRuntime) {}

  async dispatch(request: GraphRequest): Promise<GraphResponse> {
    const started = Date.now();
    const trace = this.runtime.rng('trace');
    const traceId = trace.chars(23, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-');
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=UTF-8',
      'x-fb-trace-id': traceId.slice(0, 11),
      'x-fb-request-id': traceId,
      'x-fb-rev': SANDBOX_REV,
      'access-control-allow-origin': '*',
    };
    const segments = request.path.split('/').filter(Boolean).map(decodeURIComponent);
    const requestedVersion = segments[0] && VERSION_PATTERN.test(segments[0]) ? segments.shift() : undefined;
    const method = methodOf(request);
    const path = segments.join('/');
    let version: ResolvedVersion | undefined;
    let identity: Identity | undefined;
    let status = 200;
    let body: unknown;
    let error: GraphError | undefined;
    let charges: UsageCharge[] = [];
    let latencyMs = 0;
    try {
      // Latency is the HTTP round trip: an operation inside a batch travelled with its batch request, which paid it.
      if (!request.inBatch) latencyMs = await this.runtime.faults.delay();
      const injected = this.runtime.faults.errorFor(method, path);
      if (injected) throw injected;
      const now = this.runtime.clock.now();
      version = this.runtime.versions.resolvePrefix(requestedVersion, method, now);
      const token = tokenFrom(request.params, request.headers);
      if (token !== undefined) identity = identify(this.runtime.world, token, this.runtime.clock.unix());
      const ctx = this.context(request, method, version.answering, path, identity, headers);
      const target = this.resolve(ctx, segments);
      const access = this.accessOf(target, method);
      version = this.checkVersion(version, access);
      (ctx as { version: string }).version = version.answering;
      this.checkToken(ctx, access, segments[0]);
      if (identity && !access.skipAppsecretProof) checkAppsecretProof(identity, request.params, this.runtime.clock.unix());
      charges = this.chargesOf(ctx, target, method);
      if (target.kind === 'node' || target.countsAsCall) this.charge(ctx, charges, method);
      this.checkUserLimit(ctx, access);
      checkPermissions(ctx, access);
      body = await this.run(ctx, target, method);
      charges = charges.concat(ctx.charges);
    } catch (caught) {
      error = caught instanceof GraphError ? caught : internalError(caught);
      status = error.status;
      body = error.toEnvelope(traceId.slice(0, 23));
      if (error.code === 190)
        headers['www-authenticate'] = `OAuth "Facebook Platform" "invalid_token" "${error.message.replace(/"/g, "'")}"`;
    }
    if (version) headers['facebook-api-version'] = version.answering;
    if (version?.warning) headers['x-ad-api-version-warning'] = version.warning;
    Object.assign(headers, usageHeaders(this.runtime.usage, identity?.app.id, charges));
    this.runtime.callLog.record({
      at: new Date(this.runtime.clock.now()).toISOString(),
      method,
      path: `/${path}`,
      requestedVersion,
      version: version?.answering,
      status,
      errorCode: error?.code,
      errorSubcode: error?.subcode,
      appId: identity?.app.id,
      tokenType: identity?.token.type,
      inBatch: request.inBatch ?? false,
      latencyMs,
      durationMs: Date.now() - started,
      params: request.params,
    });
    return { status, headers, body };
  }

  private context(
    request: GraphRequest,
    method: HttpMethod,
    version: string,
    path: string,
    identity: Identity | undefined,
    responseHeaders: Record<string, string>,
  ): GraphContext {
    const runtime = this.runtime;
    return {
      runtime,
      world: runtime.world,
      method,
      version,
      path,
      params: request.params,
      files: request.files ?? [],
      fields: parseFields(request.params['fields']),
      identity,
      baseUrl: request.baseUrl,
      inBatch: request.inBatch ?? false,
      responseHeaders,
      charges: [],
      now: () => runtime.clock.unix(),
    };
  }

  private resolve(ctx: GraphContext, segments: string[]): Target {
    const path = segments.join('/');
    if (this.runtime.registry.hasRootPath(path)) {
      const route = this.runtime.registry.findRoot(ctx.method, path);
      if (!route) throw GraphErrors.unsupportedRequest(ctx.method, path || '/');
      return {
        kind: 'root',
        handle: (c) => route.handle(c),
        access: route.access ?? {},
        charges: (c) => route.usage?.(c) ?? [],
        countsAsCall: route.countsAsCall ?? true,
      };
    }
    const [id, edgeName, ...rest] = segments;
    if (id === undefined) throw GraphErrors.unsupportedRequest(ctx.method, '/');
    const { node, obj } = this.load(ctx, id);
    if (edgeName === undefined) return { kind: 'node', node, obj };
    const edge = node.edges?.[edgeName];
    if (!edge) throw GraphErrors.nonexistingField(edgeName, node.type);
    if (rest.length > 0 && !(ctx.method === 'DELETE' && edge.remove)) throw GraphErrors.unknownPath(`/${rest.join('/')}`);
    return { kind: 'node', node, obj, edgeName, edge };
  }

  /** Loads `/{id}`: aliases (`me`) first, then the world index. Invisible objects look missing, as on Meta. */
  load(ctx: GraphContext, id: string): { node: NodeTypeSpec<any>; obj: unknown } {
    const alias = this.runtime.registry.findAlias(id);
    let ref: { type: string; id: string } | undefined;
    if (alias) {
      if (!ctx.identity) throw GraphErrors.activeTokenRequired();
      ref = alias(ctx);
      if (!ref) throw GraphErrors.activeTokenRequired();
    } else {
      const type = ctx.world.index.get(id);
      ref = type ? { type, id } : undefined;
    }
    const node = ref ? this.runtime.registry.findNode(ref.type) : undefined;
    const obj = node && ref ? node.load(ref.id, ctx.world) : undefined;
    if (!node || obj === undefined || (node.visible && !node.visible(obj, ctx))) {
      throw GraphErrors.unsupportedRequest(ctx.method, id);
    }
    return { node, obj };
  }

  private operationOf(
    target: Target & { kind: 'node' },
    method: HttpMethod,
  ): Operation<any> | { access?: AccessRule; usage?: Operation<any>['usage'] } | undefined {
    if (target.edge) {
      if (method === 'GET') return target.edge.list;
      return method === 'POST' ? target.edge.create : target.edge.remove;
    }
    if (method === 'GET') return target.node.read ?? {};
    return method === 'POST' ? target.node.update : target.node.remove;
  }

  private accessOf(target: Target, method: HttpMethod): AccessRule {
    if (target.kind === 'root') return target.access;
    const operation = this.operationOf(target, method);
    if (!operation) throw GraphErrors.unsupportedRequest(method, target.node.idOf(target.obj));
    return { ...(target.node.access ?? {}), ...(operation.access ?? {}) };
  }

  private checkVersion(version: ResolvedVersion, access: AccessRule): ResolvedVersion {
    if (access.schedule !== 'marketing') return version;
    return this.runtime.versions.resolveMarketing(version, access.onExpiredVersion ?? 'reject', this.runtime.clock.now());
  }

  private checkToken(ctx: GraphContext, access: AccessRule, firstSegment: string | undefined): void {
    if (access.tokens === 'none') return;
    if (!ctx.identity) {
      throw firstSegment === 'me' ? GraphErrors.activeTokenRequired() : GraphErrors.tokenRequired();
    }
    if (access.tokens && !access.tokens.includes(ctx.identity.token.type)) {
      if (access.tokens.includes('PAGE') && ctx.identity.token.type === 'USER') {
        throw new GraphError({ code: 190, message: '(#190) This method must be called with a Page Access Token' });
      }
      if (access.tokens.includes('APP') && access.tokens.length === 1) {
        throw new GraphError({ code: 15, message: '(#15) This method must be called with an app access_token.' });
      }
      throw GraphErrors.invalidParameter(`This method does not accept ${ctx.identity.token.type.toLowerCase()} access tokens`);
    }
  }

  private chargesOf(ctx: GraphContext, target: Target, method: HttpMethod): UsageCharge[] {
    if (target.kind === 'root') return target.charges(ctx);
    const operation = this.operationOf(target, method);
    const hook = operation?.usage ?? target.node.usage;
    return hook ? hook(target.obj, ctx) : [];
  }

  /** Charges the call; refuses it (still counted) when a scope was already over budget. */
  charge(ctx: GraphContext, charges: UsageCharge[], method: HttpMethod): void {
    const cost = method === 'GET' ? 20 : 60;
    const throttled = this.runtime.usage.charge(ctx.identity?.app.id, charges, cost);
    if (!throttled) return;
    if (throttled.startsWith('app:')) throw GraphErrors.appRateLimited();
    if (throttled.startsWith('acct:')) throw GraphErrors.accountRateLimited();
    const type = throttled.split(':')[1] as UsageCharge['type'];
    if (type === 'pages' && ctx.identity?.token.type === 'USER') throw GraphErrors.pageRateLimited();
    throw bucThrottleError(type);
  }

  /**
   * The per-user limit (#17 "User request limit reached"; subcode 2446079 on Marketing API calls), only when the
   * control surface forced it (`POST /__sandbox/throttle {scope: 'user'}`): Meta publishes no number for it.
   */
  private checkUserLimit(ctx: GraphContext, access: AccessRule): void {
    const user = ctx.identity?.user;
    if (!user || !this.runtime.usage.isForced(UsageTracker.userKey(user.id))) return;
    throw new GraphError({
      code: 17,
      subcode: access.schedule === 'marketing' ? 2446079 : undefined,
      message: '(#17) User request limit reached',
      isTransient: true,
    });
  }

  private async run(ctx: GraphContext, target: Target, method: HttpMethod): Promise<unknown> {
    if (target.kind === 'root') return this.finish(ctx, await target.handle(ctx));
    if (target.edge) {
      if (method === 'GET') {
        return renderEdge(ctx, target.obj, target.edge.list!, {
          fields: ctx.fields,
          limit: ctx.params['limit'],
          after: ctx.params['after'],
          before: ctx.params['before'],
          summary: ctx.params['summary'] === 'true' || ctx.params['summary'] === '1',
          modifiers: ctx.params,
          link: (extra) => this.runtime.graphUrl(ctx, ctx.path, { ...withoutCursors(ctx.params), ...extra }),
        });
      }
      const operation = method === 'POST' ? target.edge.create! : target.edge.remove!;
      return this.finish(ctx, await operation.handle(ctx, target.obj));
    }
    if (method === 'GET') return renderNode(ctx, target.node.type, target.obj, ctx.fields);
    const operation = method === 'POST' ? target.node.update! : target.node.remove!;
    return this.finish(ctx, await operation.handle(ctx, target.obj));
  }

  private finish(ctx: GraphContext, result: unknown): unknown {
    return result instanceof NodeResult ? renderNode(ctx, result.type, result.obj, ctx.fields) : result;
  }
}

/** Graph lets clients tunnel a method through `method=` (the SDKs use it for DELETE). */
function methodOf(request: GraphRequest): HttpMethod {
  const override = request.params['method']?.toUpperCase();
  const raw = override && ['GET', 'POST', 'DELETE'].includes(override) ? override : request.method.toUpperCase();
  return raw === 'POST' || raw === 'DELETE' ? raw : 'GET';
}

function withoutCursors(params: Record<string, string>): Record<string, string> {
  const { after: _after, before: _before, ...rest } = params;
  return rest;
}

function internalError(caught: unknown): GraphError {
  // A sandbox bug must still answer in Meta's envelope; the detail goes to stderr for whoever runs it.
  console.error('[meta-sandbox] unexpected error', caught);
  return GraphErrors.unknown();
}
