import type { GraphContext, HttpMethod } from './graph-context';
import type { ExpiredVersionPolicy, VersionSchedule } from './versions';
import type { UsageCharge } from './usage-types';
import type { PageWindow } from './paging';
import type { TokenType } from '../world/types';
import type { World } from '../world/world';

/**
 * Who may call a route. Checked by the dispatcher before the handler runs, in Meta's order: token, version,
 * appsecret_proof, rate limits, permissions.
 */
export interface AccessRule {
  /** Token types accepted; 'none' for endpoints that authenticate otherwise (oauth/access_token). Default: any. */
  tokens?: TokenType[] | 'none';
  /** Every one of these permissions must be granted to the token. */
  permissions?: string[];
  /** At least one of these permissions must be granted. */
  anyPermission?: string[];
  /** Error code when a permission is missing: 200 (default) or 10. */
  deniedCode?: 200 | 10;
  /**
   * Which deprecation schedule the route follows (https://developers.facebook.com/docs/marketing-api/overview/versioning).
   * Default: graph.
   */
  schedule?: VersionSchedule;
  /** For marketing routes: 2635 or auto-upgrade with `X-Ad-Api-Version-Warning`. Default: reject. */
  onExpiredVersion?: ExpiredVersionPolicy;
  /** Whether the route skips appsecret_proof (token endpoints carry client_secret instead). */
  skipAppsecretProof?: boolean;
}

/** A rate-limit hook: which BUC scopes a call on this target is charged to. */
export type UsageHook<T> = (target: T, ctx: GraphContext) => UsageCharge[];

/** Answers a value, or a Promise of one. */
export type Handler<T> = (ctx: GraphContext, target: T) => unknown;

export interface Operation<T> {
  access?: AccessRule;
  usage?: UsageHook<T>;
  handle: Handler<T>;
}

export interface FieldSpec<T> {
  /** `modifiers` are the field's own (`has_lead_access.user_id(…)`), empty for a plain field. */
  get(obj: T, ctx: GraphContext, modifiers: Record<string, string>): unknown;
  /** When set, the value is a record of that node type and `field{a,b}` selects its fields. */
  nodeType?: string;
  /** Permissions needed to see this field; without them the field is refused with code 200 (or 10). */
  permissions?: string[];
}

/** Where a lazily paged edge is asked to start: the page size and the caller's cursor, if any. */
export interface PageRequest {
  limit: number;
  after?: string;
  before?: string;
}

export interface EdgeListSpec<T> {
  access?: AccessRule;
  usage?: UsageHook<T>;
  /** Node type of the items, used to render them with `fields`. */
  itemType: string;
  /** Every item of the edge; the renderer cuts the page. Give this or `page`. */
  items?(target: T, ctx: GraphContext, modifiers: Record<string, string>): unknown[] | Promise<unknown[]>;
  /**
   * One page computed on demand, for edges too large to list whole (insights over years of days): the edge makes
   * its own opaque cursors and only computes what the page shows.
   */
  page?(
    target: T,
    ctx: GraphContext,
    modifiers: Record<string, string>,
    request: PageRequest,
  ): PageWindow<unknown> | Promise<PageWindow<unknown>>;
  /** Largest page Meta serves on this edge. Default 100. */
  maxLimit?: number;
  /** `summary=true` extras (for example `total_count`). */
  summary?(target: T, ctx: GraphContext, items: unknown[]): Record<string, unknown>;
}

export interface EdgeSpec<T> {
  list?: EdgeListSpec<T>;
  create?: Operation<T>;
  remove?: Operation<T>;
}

export interface NodeTypeSpec<T> {
  /** Graph node type name, as Meta prints it in errors (`Page`, `LeadgenForm`, `AdAccount`). */
  type: string;
  load(id: string, world: World): T | undefined;
  idOf(obj: T): string;
  /** Whether the caller may see the object at all; Meta answers 100/33 for objects you may not see. */
  visible?(obj: T, ctx: GraphContext): boolean;
  fields: Record<string, FieldSpec<T> | ((obj: T, ctx: GraphContext, modifiers: Record<string, string>) => unknown)>;
  defaultFields: string[];
  /** Fields rendered even when `fields` does not name them (insights rows always carry dates and breakdowns). */
  alwaysFields?(obj: T, ctx: GraphContext): string[];
  edges?: Record<string, EdgeSpec<T>>;
  /** Defaults for every operation on this node and its edges. */
  access?: AccessRule;
  usage?: UsageHook<T>;
  read?: { access?: AccessRule; usage?: UsageHook<T> };
  update?: Operation<T>;
  remove?: Operation<T>;
}

export interface RootRoute {
  method: HttpMethod;
  /** Path after the version: 'oauth/access_token', 'debug_token', '' for the root. */
  path: string;
  access?: AccessRule;
  usage?: (ctx: GraphContext) => UsageCharge[];
  /**
   * Whether the call itself is charged to the app; a batch is not, its operations are
   * (https://developers.facebook.com/docs/graph-api/batch-requests). Default true.
   */
  countsAsCall?: boolean;
  handle(ctx: GraphContext): unknown; // a value, or a Promise of one
}

/** `me` and `app` resolve from the token rather than from the world index. */
export type AliasResolver = (ctx: GraphContext) => { type: string; id: string } | undefined;

/**
 * The single table of Graph routes. HTTP and batch requests both go through the dispatcher, which looks routes up
 * here: root routes by path, everything else as `/{id}` (a node) or `/{id}/{edge}`.
 */
export class GraphRegistry {
  private readonly nodes = new Map<string, NodeTypeSpec<any>>();
  private readonly roots = new Map<string, RootRoute>();
  private readonly aliases = new Map<string, AliasResolver>();

  node<T>(spec: NodeTypeSpec<T>): void {
    if (this.nodes.has(spec.type)) throw new Error(`Node type ${spec.type} is registered twice`);
    this.nodes.set(spec.type, { ...spec, edges: { ...(spec.edges ?? {}) } });
  }

  /** Adds an edge to a node type another module declared (for example `AdAccount` → `campaigns`). */
  edge<T>(nodeType: string, name: string, spec: EdgeSpec<T>): void {
    const node = this.requireNode(nodeType);
    if (node.edges![name]) throw new Error(`Edge ${nodeType}/${name} is registered twice`);
    node.edges![name] = spec;
  }

  /** Adds a field to a node type another module declared. */
  field<T>(nodeType: string, name: string, spec: FieldSpec<T>): void {
    this.requireNode(nodeType).fields[name] = spec;
  }

  root(route: RootRoute): void {
    const key = `${route.method} ${route.path}`;
    if (this.roots.has(key)) throw new Error(`Root route ${key} is registered twice`);
    this.roots.set(key, route);
  }

  alias(name: string, resolve: AliasResolver): void {
    this.aliases.set(name, resolve);
  }

  findRoot(method: HttpMethod, path: string): RootRoute | undefined {
    return this.roots.get(`${method} ${path}`);
  }

  hasRootPath(path: string): boolean {
    return ['GET', 'POST', 'DELETE'].some((method) => this.roots.has(`${method} ${path}`));
  }

  findNode(type: string): NodeTypeSpec<any> | undefined {
    return this.nodes.get(type);
  }

  requireNode(type: string): NodeTypeSpec<any> {
    const node = this.nodes.get(type);
    if (!node) throw new Error(`Unknown node type ${type}`);
    return node;
  }

  findAlias(name: string): AliasResolver | undefined {
    return this.aliases.get(name);
  }
}
