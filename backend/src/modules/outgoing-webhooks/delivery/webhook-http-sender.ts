import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { outgoingWebhooksConfig } from '../../../config/outgoing-webhooks.config';
import { isPrivateAddress } from './target-address-policy';

/** How much of an endpoint's answer is kept per attempt (the console shows it; nobody needs a whole page). */
export const RESPONSE_EXCERPT_BYTES = 2048;

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface WebhookResponse {
  /** Null when no answer came: see `error`. */
  status: number | null;
  bodyExcerpt: string | null;
  error: string | null;
  durationMs: number;
  /** A 2xx answer. */
  success: boolean;
}

/**
 * POSTs one delivery and reports what happened, never throwing: a 2xx answer is a success, anything else (another
 * status, redirects included: they are not followed; a refused connection; a timeout) a failure with its reason.
 * Keep-alive agents reuse connections to an endpoint across deliveries. When private targets are not allowed, the
 * name is resolved by a lookup that refuses private answers, so DNS cannot steer a delivery into the deployment's
 * network between the endpoint's registration and its sends.
 */
@Injectable()
export class WebhookHttpSender implements OnModuleDestroy {
  private readonly lookup: LookupFunction | undefined;
  private readonly agents: { http: http.Agent; https: https.Agent };

  constructor(@Inject(outgoingWebhooksConfig.KEY) private readonly config: ConfigType<typeof outgoingWebhooksConfig>) {
    this.lookup = config.allowPrivateTargets ? undefined : publicOnlyLookup;
    const options = { keepAlive: true, maxSockets: 64, lookup: this.lookup };
    this.agents = { http: new http.Agent(options), https: new https.Agent(options) };
  }

  onModuleDestroy(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  send(request: WebhookRequest): Promise<WebhookResponse> {
    const started = Date.now();
    const done = (r: Omit<WebhookResponse, 'durationMs' | 'success'>): WebhookResponse => ({
      ...r,
      durationMs: Date.now() - started,
      success: r.status !== null && r.status >= 200 && r.status < 300,
    });
    return new Promise((resolve) => {
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        return resolve(done({ status: null, bodyExcerpt: null, error: 'Invalid URL' }));
      }
      const literal = url.hostname.replace(/^\[|\]$/g, '');
      if (this.lookup && isIP(literal) && isPrivateAddress(literal)) {
        return resolve(done({ status: null, bodyExcerpt: null, error: 'Refused: the address is private, loopback or link-local' }));
      }
      const secure = url.protocol === 'https:';
      const client = secure ? https : http;
      let settled = false;
      const finish = (r: Omit<WebhookResponse, 'durationMs' | 'success'>) => {
        if (settled) return;
        settled = true;
        resolve(done(r));
      };
      const req = client.request(
        url,
        {
          method: 'POST',
          agent: secure ? this.agents.https : this.agents.http,
          headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
          timeout: this.config.timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            if (size < RESPONSE_EXCERPT_BYTES) chunks.push(chunk);
            size += chunk.length;
          });
          res.on('end', () =>
            finish({
              status: res.statusCode ?? null,
              bodyExcerpt: Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8'),
              error: null,
            }),
          );
          res.on('error', (error) => finish({ status: res.statusCode ?? null, bodyExcerpt: null, error: error.message }));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`No answer within ${this.config.timeoutMs} ms`)));
      req.on('error', (error: NodeJS.ErrnoException) => finish({ status: null, bodyExcerpt: null, error: describe(error) }));
      req.end(request.body);
    });
  }
}

function describe(error: NodeJS.ErrnoException): string {
  return error.code && !error.message.includes(error.code) ? `${error.code}: ${error.message}` : error.message;
}

/** dns.lookup, refusing any answer that is a private address. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused || addresses.length === 0) {
      const e: NodeJS.ErrnoException = new Error(`Refused: ${hostname} resolves to a private, loopback or link-local address`);
      e.code = 'EPRIVATE';
      return callback(e, '', 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};
