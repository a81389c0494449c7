import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROUTES } from '@legeai/contracts';
import { Public } from '../../../common/auth/public.decorator';
import { ApiErrorResponses } from '../../../common/swagger/api-error-responses.decorator';
import { DataDeletionAnswerDto, DataDeletionStatusDto } from '../dto/meta-responses.dto';
import { SignedRequestDto } from '../dto/signed-request.dto';
import { DataDeletionAnswer, DataDeletionStatusView, MetaCallbacksService } from './meta-callbacks.service';

const R = ROUTES.metaIntegration;

/**
 * Meta's calls about a person (deauthorize, data deletion) and the public status of a deletion. Public: each call
 * proves it is Meta's with a signed_request. The webhook's calls are the webhook module's (MetaWebhookController).
 */
@ApiTags('meta-callbacks')
@Controller(R.base)
@Public()
export class MetaCallbacksController {
  constructor(private readonly callbacks: MetaCallbacksService) {}

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
}
