import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { API_PREFIX, ErrorCode, ROUTES } from '@legeai/contracts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync, type ZlibOptions } from 'node:zlib';
import { ApiError } from '../../common/errors/api-error';
import { toEnvelope } from '../../common/filters/all-exceptions.filter';
import { appConfig } from '../../config/app.config';
import { FastRoute, FastRouteRegistry, parseByteLimit, readBody, requestIdOf, writeJson } from '../../infra/http/fast-routes';
import { MetricsService } from '../../infra/metrics/metrics.service';
import { WebhookIngestService } from './ingest/webhook-ingest.service';

/**
 * `POST /v1/integrations/meta/webhook` (and with a trailing slash) served in front of Fastify and Nest
 * (infra/http/fast-routes.ts; registered in the FastRouteRegistry when the module initialises, and looked up by the
 * server per request). Meta sends every lead through here, and the answer must come fast; the work per delivery is
 * small (read the body, check the HMAC, one INSERT), so the general HTTP stack around it was most of the cost. This
 * handler does only what the route needs; MetaWebhookController documents it in Swagger:
 *
 * - the body limit (413), read as raw bytes whatever the content type; a compressed body (gzip, deflate, br) is
 *   inflated first, within the same limit, as Meta signs the bytes before compression; another Content-Encoding is a
 *   415, a body that does not inflate a 400;
 * - WebhookIngestService.ingest, shared with the controller (`receive` is ingest + throw): signature over the raw bytes (401/403 and the security
 *   log line), the body's reading (a signed body with another content type, not UTF-8 or not JSON is quarantined and
 *   answered 200), the inbox insert, the after-answer dispatch, the delivery counters;
 * - every error as the ErrorEnvelope, with the request id, exactly as the exception filter writes it; 5xx logged;
 * - the HTTP duration metric under the same route label; security headers for a JSON answer.
 *
 * What it leaves out on purpose: the per-request access log (refusals and errors are logged by the service and here;
 * a line per accepted delivery is noise at Meta's volume), CORS (Meta is not a browser; a browser gets no CORS
 * headers and cannot read the answer), authentication guards (the signature is the authentication).
 */
@Injectable()
export class WebhookFastRoute implements FastRoute, OnModuleInit {
  readonly method = 'POST';
  readonly path = `/${API_PREFIX}/${ROUTES.metaIntegration.base}/${ROUTES.metaIntegration.webhook}`;
  private readonly logger = new Logger('MetaWebhookHttp');
  private readonly tooLarge = new ApiError(413, ErrorCode.PayloadTooLarge, 'Request body is too large');
  private readonly corrupt = new ApiError(400, ErrorCode.BadRequest, 'Malformed request body: the compressed body does not inflate');
  private readonly bodyLimit: number;

  constructor(
    private readonly ingest: WebhookIngestService,
    private readonly metrics: MetricsService,
    private readonly routes: FastRouteRegistry,
    @Inject(appConfig.KEY) app: ConfigType<typeof appConfig>,
  ) {
    this.bodyLimit = parseByteLimit(app.bodyLimit);
  }

  onModuleInit(): void {
    this.routes.register(this);
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    const path = this.path;
    const stopTimer = this.metrics.httpDuration.startTimer();
    const requestId = requestIdOf(req);
    const answer = (status: number, body: unknown) => {
      writeJson(res, status, body, requestId);
      stopTimer({ method: 'POST', route: path, status: String(status) });
    };
    const refuse = (error: unknown) => {
      const envelope = toEnvelope(error);
      envelope.error.requestId = requestId;
      if (envelope.error.status >= 500)
        this.logger.error({ err: error, requestId }, error instanceof Error ? error.message : 'Unhandled error');
      answer(envelope.error.status, envelope);
    };

    const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (!SUPPORTED_ENCODINGS.has(encoding)) {
      req.resume();
      return refuse(new ApiError(415, 'unsupported_media_type', `Unsupported Content-Encoding: ${encoding}`));
    }
    readBody(req, this.bodyLimit, (read) => {
      if (!('body' in read)) return refuse(this.tooLarge);
      const body = inflate(read.body, encoding, this.bodyLimit);
      if (body === 'too large') return refuse(this.tooLarge);
      if (body === 'corrupt') return refuse(this.corrupt);
      this.ingest
        .ingest({ rawBody: body, signature: header(req, 'x-hub-signature-256'), isJson: isJson(req), ip: req.socket.remoteAddress })
        .then((result) => {
          if ('ack' in result) return answer(200, result.ack);
          // The envelope the exception filter writes for the same refusal as an ApiError.
          const { status, code, message } = result.refusal;
          answer(status, { error: { status, code, message, requestId } });
        })
        .catch(refuse);
    });
  }
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

/** Whether the body's media type is application/json (parameters such as charset aside). */
export function isJson(req: Pick<IncomingMessage, 'headers'>): boolean {
  const type = req.headers['content-type'];
  if (!type) return false;
  const semicolon = type.indexOf(';');
  return (semicolon === -1 ? type : type.slice(0, semicolon)).trim().toLowerCase() === 'application/json';
}

const SUPPORTED_ENCODINGS = new Set(['identity', 'gzip', 'x-gzip', 'deflate', 'br']);

/** The body as sent before compression, at most `limit` bytes of it. */
function inflate(body: Buffer, encoding: string, limit: number): Buffer | 'too large' | 'corrupt' {
  if (encoding === 'identity') return body;
  const options: ZlibOptions = { maxOutputLength: limit };
  try {
    if (encoding === 'br') return brotliDecompressSync(body, options);
    return encoding === 'deflate' ? inflateSync(body, options) : gunzipSync(body, options);
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too large' : 'corrupt';
  }
}
