import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  path: string;
  connections: number;
  durationSeconds: number;
  /** A fresh request body and its headers, called once per request. */
  next: () => { body: string; headers: Record<string, string> };
  /** The status every answer must have; anything else is counted and reported. */
  expectStatus: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  /** Answers with another status than expected, and socket errors / timeouts. */
  unexpected: number;
  statusCounts: Record<string, number>;
}

/** One autocannon run where every request carries its own body (setupRequest), as real deliveries do. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: options.path,
        setupRequest: (request) => {
          const { body, headers } = options.next();
          return { ...request, method: 'POST', path: options.path, body, headers };
        },
      },
    ],
  });
  // autocannon's own latency histogram keeps whole milliseconds, which on a loopback server answering in 2–4 ms
  // turns a p99 ratio into 2/4 or 3/4 by rounding alone. Percentiles are taken here from every answer's exact time.
  const times: number[] = [];
  // `on` returns the instance, itself a promise: the next line awaits it.
  void instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await instance;
  times.sort((a, b) => a - b);
  const statusCounts = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)]));
  const expected = statusCounts[String(options.expectStatus)] ?? 0;
  const answered = Object.values(statusCounts).reduce((a, b) => a + b, 0);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
    total: answered,
    unexpected: answered - expected + result.errors + result.timeouts,
    statusCounts,
  };
}

/** The value below which `q` of the sorted samples fall (nearest rank). */
function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** The median of several runs' values (the runs alternate baseline and product, so drift hits both). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
