import type { NextFunction, Request, Response } from 'express';
import type { SandboxRuntime } from '../core/sandbox-runtime';
import { metaJson } from '../core/meta-json';
import { GraphErrors } from '../core/graph-errors';
import { originOf, requestFiles, requestHeaders, requestParams } from './request-params';

/** Binds the Graph dispatcher to Express: every path not claimed by the dialog or the control surface. */
export function graphHandler(runtime: SandboxRuntime) {
  return async (req: Request, res: Response): Promise<void> => {
    runtime.callLog.httpRequests++;
    const response = await runtime.dispatcher.dispatch({
      method: req.method,
      path: req.path,
      params: requestParams(req),
      files: requestFiles(req),
      headers: requestHeaders(req),
      baseUrl: runtime.options.publicUrl ?? originOf(req),
    });
    res.status(response.status).set(response.headers).send(metaJson(response.body));
  };
}

/** Unparseable bodies get Meta's envelope and a 400, never an HTML 500. */
export function bodyErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  const status = (error as { status?: number }).status;
  const graphError = status && status < 500 ? GraphErrors.invalidParameter('The request body could not be parsed') : GraphErrors.unknown();
  res
    .status(graphError.status)
    .set('content-type', 'application/json; charset=UTF-8')
    .send(metaJson(graphError.toEnvelope('AsandboxBodyParseError')));
}
