import type { NextFunction, Request, Response } from 'express';
import { toEnvelope } from '../../common/filters/all-exceptions.filter';

/**
 * Express error middleware placed right after the body parsers. Nest would turn a JSON syntax error into a 400
 * carrying V8's message, which quotes part of the body (possibly a password); this answers with a fixed message
 * instead, and covers 413/415 the same way.
 */
export function bodyParserErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const type = (err as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || res.headersSent) return next(err);
  const envelope = toEnvelope(err);
  res.status(envelope.error.status).json(envelope);
}
