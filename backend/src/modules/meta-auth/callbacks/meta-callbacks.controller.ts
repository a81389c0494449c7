import { Body, Controller, Get, Header, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ROUTES } from '@legeai/contracts';
import { Public } from '../../../common/auth/public.decorator';
import { ApiErrorResponses } from '../../../common/swagger/api-error-responses.decorator';
import { metaConfig } from '../../../config/meta.config';
import { DataDeletionAnswerDto, DataDeletionStatusDto } from '../dto/meta-responses.dto';
import { SignedRequestDto } from '../dto/signed-request.dto';
import { DataDeletionAnswer, DataDeletionStatusView, MetaCallbacksService } from './meta-callbacks.service';
import { answerVerification } from './webhook-verification';

const R = ROUTES.metaIntegration;

/** Endpoints Meta itself calls. Public, and each one proves the caller is Meta (signed_request, verify token). */
@ApiTags('meta-callbacks')
@Controller(R.base)
@Public()
export class MetaCallbacksController {
  constructor(
    private readonly callbacks: MetaCallbacksService,
    @Inject(metaConfig.KEY) private readonly meta: ConfigType<typeof metaConfig>,
  ) {}

  @Post(R.deauthorize)
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOperation({ summary: "Meta's deauthorize callback: the user removed the app; the connection needs a reconnect" })
  @ApiOkResponse({ schema: { example: { success: true } } })
  @ApiErrorResponses(400, 401)
  deauthorize(@Body() body: SignedRequestDto): Promise<{ success: true }> {
    return this.callbacks.deauthorize(body.signed_request);
  }

  @Post(R.dataDeletion)
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOperation({ summary: "Meta's data deletion callback: answers the status URL and confirmation code" })
  @ApiOkResponse({ type: DataDeletionAnswerDto })
  @ApiErrorResponses(400, 401)
  dataDeletion(@Body() body: SignedRequestDto): Promise<DataDeletionAnswer> {
    return this.callbacks.dataDeletion(body.signed_request);
  }

  @Get(`${R.dataDeletion}/:code`)
  @ApiOperation({ summary: 'Public status of a data deletion request, by confirmation code' })
  @ApiOkResponse({ type: DataDeletionStatusDto })
  @ApiErrorResponses(404)
  deletionStatus(@Param('code') code: string): Promise<DataDeletionStatusView> {
    return this.callbacks.deletionStatus(code);
  }

  /**
   * Meta's subscription handshake for the webhook URL. Deliveries (`POST webhook`) are handled by the webhook
   * module.
   */
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
}
