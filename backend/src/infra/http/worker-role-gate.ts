import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { ErrorCode, OPS_ROUTES } from '@legeai/contracts';
import { ApiError } from '../../common/errors/api-error';
import { toEnvelope } from '../../common/filters/all-exceptions.filter';

const WORKER_PATHS = new Set<string>([OPS_ROUTES.health, OPS_ROUTES.metrics]);

/** A worker-only process answers /health and /metrics (for probes and scrapes) and nothing else (an onRequest hook). */
export function workerRoleGate(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  if (WORKER_PATHS.has(request.url.split('?')[0])) return done();
  const envelope = toEnvelope(new ApiError(404, ErrorCode.NotFound, 'This process runs queue workers only (APP_ROLE=worker)'));
  envelope.error.requestId = request.id;
  void reply.code(404).send(envelope);
}
