import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorEnvelopeDto } from './error-envelope.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (code `validation_failed` lists the fields)',
  401: 'Missing, invalid or expired credentials',
  403: 'Authenticated but not allowed',
  404: 'Not found in this organisation',
  409: 'Conflicts with existing data',
  410: 'No longer usable (e.g. an invitation already used or expired)',
  413: 'Request body too large',
  429: 'Too many requests',
  502: 'Meta answered with an error',
  503: 'A dependency is unavailable',
};

/**
 * Documents the ErrorEnvelope for each listed status, e.g. `@ApiErrorResponses(400, 401, 403, 404)`.
 * Usable on a controller class or a handler.
 */
export function ApiErrorResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorEnvelopeDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        schema: { $ref: getSchemaPath(ErrorEnvelopeDto) },
      }),
    ),
  );
}
