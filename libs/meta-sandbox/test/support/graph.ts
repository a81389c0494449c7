import { createHmac } from 'node:crypto';
import type { RunningSandbox } from '../../src';
import { VERSION } from './test-sandbox';

export interface GraphResult {
  status: number;
  headers: Headers;
  body: any;
}

export const appsecretProof = (secret: string, token: string, time?: number): string =>
  createHmac('sha256', secret)
    .update(time === undefined ? token : `${token}|${time}`)
    .digest('hex');

export const appToken = (sandbox: RunningSandbox): string => `${sandbox.appId}|${sandbox.appSecret}`;

/**
 * One Graph call as a client would make it: token and classic appsecret_proof added unless `proof: false`.
 * GET parameters go in the query, POST parameters in a form body.
 */
export async function graph(
  sandbox: RunningSandbox,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  options: { token?: string; params?: Record<string, string>; proof?: boolean; version?: string | null } = {},
): Promise<GraphResult> {
  const params: Record<string, string> = { ...(options.params ?? {}) };
  if (options.token) {
    params['access_token'] = options.token;
    if (options.proof !== false) params['appsecret_proof'] = appsecretProof(sandbox.appSecret, options.token);
  }
  const version = options.version === null ? '' : `/${options.version ?? VERSION}`;
  const url = new URL(`${sandbox.url}${version}/${path.replace(/^\//, '')}`);
  let body: URLSearchParams | undefined;
  if (method === 'POST') body = new URLSearchParams(params);
  else for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  const response = await fetch(url, { method, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
