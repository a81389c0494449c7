import { ErrorCode } from '@legeai/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../common/errors/api-error';
import { toEnvelope } from '../../common/filters/all-exceptions.filter';

/**
 * Errors Fastify's router raises before a route is chosen (a path whose percent-encoding cannot be decoded, a failed
 * route constraint), answered with the ErrorEnvelope instead of Fastify's own JSON shape.
 * https://fastify.dev/docs/latest/Reference/Server/#frameworkerrors
 */
export function answerFrameworkError(_error: Error, request: FastifyRequest, reply: FastifyReply): void {
  const envelope = toEnvelope(new ApiError(400, ErrorCode.BadRequest, 'Malformed request URL'));
  envelope.error.requestId = request.id;
  void reply.code(400).header('Cache-Control', 'no-store').send(envelope);
}
