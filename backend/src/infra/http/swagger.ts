import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_KEY_HEADER, OPS_ROUTES } from '@legeai/contracts';
import { API_KEY_AUTH_SCHEME, BEARER_AUTH_SCHEME } from '../../common/auth/roles.decorator';
import { ErrorEnvelopeDto } from '../../common/swagger/error-envelope.dto';

/**
 * The API's description in Swagger. The guides are files of the project's repository, not served by this server, so
 * they are named by their path from the repository root, which reads the same in a checkout and on the repository's
 * web page (`backend/src/docs-links.spec.ts` checks that each one exists).
 */
export const API_DESCRIPTION =
  'REST API of the bridge between LEGEAI and Meta. Every 4xx/5xx response body is an `ErrorEnvelope`. ' +
  'Console users send `Authorization: Bearer <access token>`; API consumers send their organisation key in ' +
  `\`${API_KEY_HEADER}\`.\n\n` +
  "**Guides** are in the project's repository, not on this server: open them by their path from the repository root, " +
  'in a checkout or on the repository\'s web page (linked from its README, section "Guides"). ' +
  'How to use the console, from connecting Meta to working leads: the user guide, `docs/user-guide.md`. ' +
  'How to add a Meta capability: the developer guide, `docs/developer-guide.md`. ' +
  'How to receive lead events pushed to your endpoints (tag `outgoing-webhooks`), their payloads, retries and how to ' +
  'verify their signatures: `docs/outgoing-webhooks.md`.';

/**
 * Swagger UI at /docs and the OpenAPI JSON at /docs-json. `publicUrl` (PUBLIC_URL) names the server when it is set;
 * without it the document names none, so "Try it out" calls the address the page was opened at (the CSP allows
 * only that one).
 */
export function setupSwagger(app: INestApplication, publicUrl?: string): void {
  const builder = new DocumentBuilder().setTitle('LEGEAI Meta Connect API').setDescription(API_DESCRIPTION).setVersion('1');
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
