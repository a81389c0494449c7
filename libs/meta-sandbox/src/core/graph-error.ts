/**
 * Meta's error envelope: `{"error":{message,type,code,error_subcode?,is_transient?,error_user_title?,
 * error_user_msg?,error_data?,fbtrace_id}}`. Handlers throw a GraphError; the dispatcher adds `fbtrace_id` and
 * turns it into the envelope. Clients must branch on `code`, never on the HTTP status
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling).
 */
export interface GraphErrorInit {
  message: string;
  code: number;
  type?: string;
  subcode?: number;
  status?: number;
  isTransient?: boolean;
  userTitle?: string;
  userMessage?: string;
  data?: unknown;
}

export class GraphError extends Error {
  readonly code: number;
  readonly type: string;
  readonly subcode?: number;
  readonly status: number;
  readonly isTransient?: boolean;
  readonly userTitle?: string;
  readonly userMessage?: string;
  readonly data?: unknown;

  constructor(init: GraphErrorInit) {
    super(init.message);
    this.code = init.code;
    this.type = init.type ?? 'OAuthException';
    this.subcode = init.subcode;
    this.status = init.status ?? 400;
    this.isTransient = init.isTransient;
    this.userTitle = init.userTitle;
    this.userMessage = init.userMessage;
    this.data = init.data;
  }

  toEnvelope(fbtraceId: string): { error: Record<string, unknown> } {
    const error: Record<string, unknown> = { message: this.message, type: this.type, code: this.code };
    if (this.subcode !== undefined) error['error_subcode'] = this.subcode;
    if (this.isTransient !== undefined) error['is_transient'] = this.isTransient;
    if (this.userTitle !== undefined) error['error_user_title'] = this.userTitle;
    if (this.userMessage !== undefined) error['error_user_msg'] = this.userMessage;
    if (this.data !== undefined) error['error_data'] = this.data;
    error['fbtrace_id'] = fbtraceId;
    return { error };
  }
}
