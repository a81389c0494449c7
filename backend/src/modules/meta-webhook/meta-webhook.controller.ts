import { Controller, Get, Header, Headers, HttpCode, HttpStatus, Inject, Ip, Post, Query, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ROUTES } from '@legeai/contracts';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/public.decorator';
import { ApiErrorResponses } from '../../common/swagger/api-error-responses.decorator';
import { metaConfig } from '../../config/meta.config';
import { WebhookAckDto } from './dto/webhook-ack.dto';
import { WebhookAck, WebhookIngestService } from './ingest/webhook-ingest.service';
import { isJson } from './webhook-fast-route';
import { answerVerification } from './webhook-verification';

const R = ROUTES.metaIntegration;

const EXAMPLE_DELIVERY = {
  object: 'page',
  entry: [
    {
      id: '153125381133',
      time: 1764400000,
      changes: [
        {
          field: 'leadgen',
          value: {
            leadgen_id: '444444444444',
            page_id: '153125381133',
            form_id: '555555555555',
            adgroup_id: '666666666666',
            ad_id: '666666666666',
            created_time: 1764399990,
          },
        },
      ],
    },
  ],
};

/**
 * Meta's webhook: the subscription handshake (GET, the verify token proves it is Meta) and the deliveries (POST,
 * the HMAC signature over the raw body is the authentication), on the same path. Public.
 *
 * Deliveries are answered by the fast route in front of Fastify (webhook-fast-route.ts), with the same service and
 * the same answers, compressed bodies and a trailing slash included; this route documents them in Swagger.
 */
@ApiTags('meta-callbacks')
@Controller(R.base)
@Public()
export class MetaWebhookController {
  constructor(
    private readonly ingest: WebhookIngestService,
    @Inject(metaConfig.KEY) private readonly meta: ConfigType<typeof metaConfig>,
  ) {}

  /** Meta's subscription handshake for the webhook URL, before it sends deliveries there (`POST` below). */
  @Get(R.webhook)
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: "Meta's webhook verification: echoes hub.challenge when hub.verify_token matches" })
  @ApiQuery({ name: 'hub.mode', enum: ['subscribe'] })
  @ApiQuery({ name: 'hub.challenge' })
  @ApiQuery({ name: 'hub.verify_token' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The challenge, as plain text' })
  @ApiErrorResponses(400, 403)
  verifyWebhook(
    @Query('hub.mode') mode: unknown,
    @Query('hub.challenge') challenge: unknown,
    @Query('hub.verify_token') verifyToken: unknown,
  ): string {
    return answerVerification(mode, challenge, verifyToken, this.meta.verifyToken);
  }

  @Post(R.webhook)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Meta webhook delivery (page/leadgen)',
    description:
      'Stores the delivery in the inbox before answering; right after the answer, queues one job per leadgen change of a connected Page ' +
      '(a delivery stored but not yet queued, e.g. while the queue is down, is queued by the inbox relay). ' +
      'Identical redeliveries are recognised by their body hash; the same lead never gets a second job (deterministic job ids). ' +
      'Unknown Pages and other fields are acknowledged and recorded as ignored. ' +
      'A signed body that is not a readable delivery (another content type than application/json, bytes that are not UTF-8, text that is not JSON, ' +
      'or JSON with a \\u0000 or an unpaired surrogate escape) is acknowledged too, so Meta does not retry it for 36 hours: it is kept as raw bytes, ' +
      'quarantined with the reason, and nothing is queued for it. ' +
      '400 and 415 remain only for a compressed body that cannot be inflated or an unsupported Content-Encoding: the signature cannot be checked then.',
  })
  @ApiHeader({
    name: 'X-Hub-Signature-256',
    required: true,
    description:
      '`sha256=` + hex HMAC-SHA256 of the raw request body, keyed with the Meta app secret (META_APP_SECRET, or META_APP_SECRET_PREVIOUS during a secret rotation)',
  })
  @ApiBody({
    description: 'The delivery exactly as Meta sends it (application/json)',
    schema: { type: 'object', example: EXAMPLE_DELIVERY },
  })
  @ApiOkResponse({ type: WebhookAckDto, description: 'Stored (or recognised as a duplicate), quarantined included' })
  @ApiErrorResponses(400, 401, 403, 413, 415)
  receive(
    @Req() req: RawBodyRequest<FastifyRequest>,
    @Headers('x-hub-signature-256') signature: string | undefined,
    @Ip() ip: string,
  ): Promise<WebhookAck> {
    // Deliveries are answered by WebhookFastRoute in front of the framework; this handler documents the route and
    // serves it only if that one is not installed (a JSON body, whose bytes the JSON parser keeps as rawBody).
    return this.ingest.receive({ rawBody: req.rawBody, signature, isJson: isJson(req), ip });
  }
}
