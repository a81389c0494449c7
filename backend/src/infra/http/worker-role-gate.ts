import type { NextFunction, Request, Response } from 'express';
import { ErrorCode, OPS_ROUTES } from '@legeai/contracts';
import { ApiError } from '../../common/errors/api-error';
import { toEnvelope } from '../../common/filters/all-exceptions.filter';

const WORKER_PATHS = new Set<string>([OPS_ROUTES.health, OPS_ROUTES.metrics]);

/** A worker-only process answers /health and /metrics (for probes and scrapes) and nothing else. */
export function workerRoleGate(req: Request, res: Response, next: NextFunction): void {
  if (WORKER_PATHS.has(req.path)) return next();
  const error = new ApiError(404, ErrorCode.NotFound, 'This process runs queue workers only (APP_ROLE=worker)');
  res.status(404).json(toEnvelope(error));
}
