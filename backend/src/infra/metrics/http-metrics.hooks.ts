import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MetricsService } from './metrics.service';

type StopTimer = (labels: { method: string; route: string; status: string }) => void;

const TIMER = Symbol('httpDurationTimer');
const ROUTE_LABEL = Symbol('metricsRoute');

type TimedRequest = FastifyRequest & { [TIMER]?: StopTimer; [ROUTE_LABEL]?: string };

/** Names the route of a request that no route template describes (the console's pages: `console`). */
export function labelRoute(request: FastifyRequest, label: string): void {
  (request as TimedRequest)[ROUTE_LABEL] = label;
}

/**
 * Times every request. The route label is the matched route template (`/v1/leads/:id`), never the raw path, so
 * ids do not explode the label cardinality; requests that matched no route share one label.
 */
export function installHttpMetrics(fastify: FastifyInstance, metrics: MetricsService): void {
  fastify.addHook('onRequest', (request: TimedRequest, _reply, done) => {
    request[TIMER] = metrics.httpDuration.startTimer();
    done();
  });
  fastify.addHook('onResponse', (request: TimedRequest, reply, done) => {
    const route = request[ROUTE_LABEL] ?? (request.is404 ? undefined : request.routeOptions.url) ?? 'unmatched';
    request[TIMER]?.({ method: request.method, route, status: String(reply.statusCode) });
    done();
  });
}
