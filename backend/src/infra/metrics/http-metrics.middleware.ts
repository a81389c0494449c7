import type { NextFunction, Request, Response } from 'express';
import { MetricsService } from './metrics.service';

/**
 * Times every request. The route label is the matched route template (`/v1/leads/:id`), never the raw path, so
 * ids do not explode the label cardinality; requests that matched no route share one label.
 */
export function httpMetricsMiddleware(metrics: MetricsService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const stop = metrics.httpDuration.startTimer();
    res.once('finish', () => {
      const template = (req.route as { path?: string } | undefined)?.path;
      const route = template ? `${req.baseUrl ?? ''}${template}` : ((res.locals.metricsRoute as string | undefined) ?? 'unmatched');
      stop({ method: req.method, route: String(route), status: String(res.statusCode) });
    });
    next();
  };
}
