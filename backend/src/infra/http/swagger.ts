import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_KEY_HEADER, OPS_ROUTES } from '@legeai/contracts';
import { API_KEY_AUTH_SCHEME, BEARER_AUTH_SCHEME } from '../../common/auth/roles.decorator';
import { ErrorEnvelopeDto } from '../../common/swagger/error-envelope.dto';

/**
 * Swagger UI at /docs and the OpenAPI JSON at /docs-json. `publicUrl` (PUBLIC_URL) names the server when it is set;
 * without it the document names none, so "Try it out" calls the address the page was opened at (the CSP allows
 * only that one).
 */
export function setupSwagger(app: INestApplication, publicUrl?: string): void {
  const builder = new DocumentBuilder()
    .setTitle('LEGEAI Meta Connect API')
    .setDescription(
      'REST API of the bridge between LEGEAI and Meta. Every 4xx/5xx response body is an `ErrorEnvelope`. ' +
        'Console users send `Authorization: Bearer <access token>`; API consumers send their organisation key in ' +
        `\`${API_KEY_HEADER}\`.`,
    )
    .setVersion('1');
  if (publicUrl) builder.addServer(publicUrl);
  const config = builder
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_AUTH_SCHEME)
    .addApiKey({ type: 'apiKey', in: 'header', name: API_KEY_HEADER }, API_KEY_AUTH_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorEnvelopeDto] });
  SwaggerModule.setup(OPS_ROUTES.docs.slice(1), app, document, {
    jsonDocumentUrl: OPS_ROUTES.docsJson.slice(1),
    yamlDocumentUrl: undefined,
    customSiteTitle: 'LEGEAI Meta Connect API',
    swaggerOptions: { persistAuthorization: false },
  });
}
