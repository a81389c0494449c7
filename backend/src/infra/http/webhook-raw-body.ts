import { raw } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Meta signs the exact bytes it sends, so webhook deliveries must be authenticated before anything interprets them:
 * a garbage body with a bad signature is a 403, not a JSON 400. This parser takes the webhook path's body as bytes
 * (any content type, within the body limit) ahead of the JSON parser, which then leaves the request alone; the
 * handler parses JSON itself once the signature holds.
 */
export function webhookRawBody(limit: string): RequestHandler[] {
  return [
    raw({ type: () => true, limit }),
    (req: Request, _res: Response, next: NextFunction) => {
      if (Buffer.isBuffer(req.body)) (req as Request & { rawBody?: Buffer }).rawBody = req.body;
      next();
    },
  ];
}
