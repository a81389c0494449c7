import type { SandboxRuntime } from './sandbox-runtime';
import type { World } from '../world/world';
import type { AppRecord, PageRecord, SystemUserRecord, TokenRecord, UserRecord } from '../world/types';
import type { FieldRequest } from './field-selection';
import type { UsageCharge } from './usage-types';
import type { UploadedFile } from '../http/multipart';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/** Who is calling: the token and what it stands for. */
export interface Identity {
  token: TokenRecord;
  app: AppRecord;
  user?: UserRecord;
  /** Set for business integration system user tokens (and Page tokens taken with one) instead of `user`. */
  systemUser?: SystemUserRecord;
  /** Set for page tokens. */
  page?: PageRecord;
}

/** Everything a Graph handler may use. Built once per call (and once per batch operation). */
export interface GraphContext {
  readonly runtime: SandboxRuntime;
  readonly world: World;
  readonly method: HttpMethod;
  /** The version that answers this call. */
  readonly version: string;
  /** Path after the version, without leading slash (`me/accounts`). */
  readonly path: string;
  /** Query string and form or JSON body merged; nested values arrive as JSON strings, as Meta sends them. */
  readonly params: Record<string, string>;
  /** Files uploaded with a multipart request (`/act_{id}/adimages`); empty otherwise. */
  readonly files: UploadedFile[];
  /** Parsed `fields`; undefined means the node's default fields. */
  readonly fields?: FieldRequest[];
  readonly identity?: Identity;
  /** Absolute origin of the sandbox (`http://127.0.0.1:4010`), for `paging.next` and links. */
  readonly baseUrl: string;
  readonly inBatch: boolean;
  /** Headers a handler wants on the response (for example `x-fb-ads-insights-throttle`). */
  readonly responseHeaders: Record<string, string>;
  /** Extra rate-limit scopes charged by the handler itself, on top of the route's. */
  readonly charges: UsageCharge[];
  /** Unix seconds on the sandbox clock. */
  now(): number;
}
