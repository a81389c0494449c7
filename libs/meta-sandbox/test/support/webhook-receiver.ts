import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  raw: Buffer;
}

/**
 * A plain node:http endpoint standing in for our backend's webhook route: answers the handshake with whatever
 * `challengeAnswer` decides and POSTs with the next status from `statuses` (then 200).
 */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  statuses: number[] = [];
  /** Milliseconds to wait before answering each next POST (then no delay). */
  delays: number[] = [];
  verifyToken = 'receiver-verify-token';
  challengeAnswer: (challenge: string) => { status: number; body: string } = (challenge) => ({ status: 200, body: challenge });
  private server?: Server;
  private waiters: { count: number; resolve: () => void }[] = [];
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://receiver');
        this.requests.push({ method: req.method ?? '', url, headers: req.headers, raw: Buffer.concat(chunks) });
        if (req.method === 'GET') {
          const tokenOk = url.searchParams.get('hub.verify_token') === this.verifyToken;
          const answer = tokenOk ? this.challengeAnswer(url.searchParams.get('hub.challenge') ?? '') : { status: 403, body: 'bad token' };
          res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
        } else {
          const status = this.statuses.shift() ?? 200;
          const delay = this.delays.shift() ?? 0;
          setTimeout(() => res.writeHead(status).end('ok'), delay);
        }
        this.notify();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks/meta`;
    return this;
  }

  posts(): ReceivedRequest[] {
    return this.requests.filter((request) => request.method === 'POST');
  }

  /** Resolves when at least `count` POSTs have arrived. */
  waitForPosts(count: number): Promise<void> {
    if (this.posts().length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private notify(): void {
    const posts = this.posts().length;
    this.waiters = this.waiters.filter((waiter) => (posts >= waiter.count ? (waiter.resolve(), false) : true));
  }
}
