import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyDto, CreatedApiKeyResponse, Role, ROUTES } from '@legeai/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { UserRoles } from '../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../common/swagger/api-error-responses.decorator';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyResponse, CreatedApiKeyResponseDto } from './dto/api-key.response';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

/** Admins manage keys from the console. Keys cannot manage keys, so a leaked one cannot mint its own replacement. */
@ApiTags('api-keys')
@Controller(ROUTES.apiKeys)
@UserRoles(Role.Admin)
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  @ApiOperation({ summary: "List the organisation's API keys (never the keys themselves)" })
  @ApiOkResponse({ type: [ApiKeyResponse] })
  @ApiErrorResponses(401, 403)
  list(@CurrentPrincipal() principal: Principal): Promise<ApiKeyDto[]> {
    return this.apiKeys.list(principal);
  }

  @Post()
  @ApiOperation({ summary: 'Create an API key; the response is the only time the key is shown' })
  @ApiCreatedResponse({ type: CreatedApiKeyResponseDto })
  @ApiErrorResponses(400, 401, 403)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateApiKeyDto): Promise<CreatedApiKeyResponse> {
    return this.apiKeys.create(principal, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke an API key; it stops working at once' })
  @ApiNoContentResponse()
  @ApiErrorResponses(400, 401, 403, 404)
  revoke(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.apiKeys.revoke(principal, id);
  }
}
