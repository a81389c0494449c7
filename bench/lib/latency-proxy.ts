import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RequestCounts {
  /** POST to the version root with `batch=`: one HTTP request carrying up to 50 operations. */
  batch: number;
  /** GET of one lead (`/{version}/{numeric id}` with `field_data` in `fields`). */
  singleLead: number;
  other: number;
  otherPaths: Record<string, number>;
}

/** When one batch call went through the proxy (ms, `performance.now()` of the bench process). */
export interface BatchTiming {
  /** The request's first byte arrived. */
  arrived: number;
  /** Its body was read in full; the latency starts. */
  bodyRead: number;
  /** Forwarded to the sandbox, after the latency. */
  forwarded: number;
  /** The sandbox's answer ended. */
  answered: number;
  /** The answer was written back to the product in full. */
  sent: number;
}

export interface LatencyProxy {
  url: string;
  /** Batch calls seen since the last `resetCounts`, in arrival order. */
  batchTimings: BatchTiming[];
  /** Added before each request is forwarded; change it at any time. */
  latencyMs: number;
  counts: RequestCounts;
  resetCounts(): void;
  close(): Promise<void>;
}

const VERSION_ROOT = /^\/v\d+\.\d+\/?$/;
const NODE_READ = /^\/v\d+\.\d+\/\d+$/;

/**
 * Stands between the product and the sandbox as "the network to Meta": every HTTP request waits `latencyMs` before
 * it is forwarded, once per request, whatever it carries (a batch call of 50 reads costs one round trip, as on
 * Meta). It also counts the requests by kind: what the Graph-efficiency benchmark reports.
 */
export async function startLatencyProxy(target: string, latencyMs = 0): Promise<LatencyProxy> {
  const upstream = new URL(target);
  const counts: RequestCounts = { batch: 0, singleLead: 0, other: 0, otherPaths: {} };
  const proxy: LatencyProxy = {
    url: '',
    latencyMs,
    counts,
    batchTimings: [],
    resetCounts() {
      proxy.batchTimings = [];
      counts.batch = 0;
      counts.singleLead = 0;
      counts.other = 0;
      counts.otherPaths = {};
    },
    close: () => Promise.resolve(),
  };
  const server = createServer((req, res) => {
    const arrived = performance.now();
    const url = new URL(req.url ?? '/', 'http://proxy');
    const isBatch = req.method === 'POST' && VERSION_ROOT.test(url.pathname);
    const timing: BatchTiming = { arrived, bodyRead: 0, forwarded: 0, answered: 0, sent: 0 };
    if (isBatch) {
      counts.batch++;
      proxy.batchTimings.push(timing);
    } else if (req.method === 'GET' && NODE_READ.test(url.pathname) && (url.searchParams.get('fields') ?? '').includes('field_data'))
      counts.singleLead++;
    else {
      counts.other++;
      const key = `${req.method} ${url.pathname.replace(/\d{5,}/g, '{id}')}`;
      counts.otherPaths[key] = (counts.otherPaths[key] ?? 0) + 1;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      timing.bodyRead = performance.now();
      setTimeout(() => {
        timing.forwarded = performance.now();
        const out = httpRequest(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: upstream.host },
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.on('end', () => (timing.answered = performance.now()));
            res.on('finish', () => (timing.sent = performance.now()));
            answer.pipe(res);
          },
        );
        out.on('error', () => {
          res.writeHead(502);
          res.end();
        });
        out.end(Buffer.concat(chunks));
      }, proxy.latencyMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
