import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Role,
  ROUTES,
  type CreatedWebhookEndpointDto,
  type Page,
  type RotatedWebhookSecretDto,
  type WebhookDeliveryDetailDto,
  type WebhookDeliveryDto,
  type WebhookEndpointDto,
} from '@legeai/contracts';
import { CurrentPrincipal } from '../../../common/auth/current-principal.decorator';
import { Principal } from '../../../common/auth/principal';
import { Roles } from '../../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../../common/swagger/api-error-responses.decorator';
import { WebhookDeliveriesService } from '../delivery/webhook-deliveries.service';
import { WebhookEndpointsService } from '../endpoints/webhook-endpoints.service';
import {
  CreateWebhookEndpointBody,
  DisableWebhookEndpointBody,
  RotateWebhookSecretBody,
  UpdateWebhookEndpointBody,
  WebhookDeliveryListQueryDto,
} from './dto/outgoing-webhooks-requests.dto';
import {
  CreatedWebhookEndpointResponse,
  RotatedWebhookSecretResponse,
  WEBHOOK_EVENT_SCHEMAS,
  WebhookDeliveryDetailResponse,
  WebhookDeliveryPageResponse,
  WebhookEndpointResponse,
} from './dto/outgoing-webhooks-responses.dto';

const R = ROUTES.outgoingWebhooks;
const ENDPOINT = `${R.endpoints}/:id`;
const DELIVERY = `${R.deliveries}/:id`;

/**
 * Outgoing webhooks: the organisation's endpoints and their delivery log. Admins only: the log holds the leads'
 * contact details as they were sent, and an endpoint's URL decides where they go. The bodies POSTed to endpoints
 * are the `*EventSchema` components (docs/outgoing-webhooks.md: headers, signature, retries).
 */
@ApiTags('outgoing-webhooks')
@ApiExtraModels(...WEBHOOK_EVENT_SCHEMAS)
@Controller(R.base)
export class OutgoingWebhooksController {
  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  @Get(R.endpoints)
  @Roles(Role.Admin)
  @ApiOperation({ operationId: 'listWebhookEndpoints', summary: "The organisation's webhook endpoints (never their secrets)" })
  @ApiOkResponse({ type: [WebhookEndpointResponse] })
  @ApiErrorResponses(401, 403)
  list(@CurrentPrincipal() principal: Principal): Promise<WebhookEndpointDto[]> {
    return this.endpoints.list(principal.organisationId);
  }

  @Post(R.endpoints)
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'createWebhookEndpoint',
    summary: 'Register an endpoint for some event types; the answer carries its signing secret, shown this once',
  })
  @ApiCreatedResponse({ type: CreatedWebhookEndpointResponse })
  @ApiErrorResponses(400, 401, 403)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateWebhookEndpointBody): Promise<CreatedWebhookEndpointDto> {
    return this.endpoints.create(principal, body);
  }

  @Get(ENDPOINT)
  @Roles(Role.Admin)
  @ApiOperation({ operationId: 'getWebhookEndpoint', summary: 'One endpoint' })
  @ApiOkResponse({ type: WebhookEndpointResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointDto> {
    return this.endpoints.get(principal.organisationId, id);
  }

  @Patch(ENDPOINT)
  @Roles(Role.Admin)
  @ApiOperation({ operationId: 'updateWebhookEndpoint', summary: "Change an endpoint's URL, description or event types" })
  @ApiOkResponse({ type: WebhookEndpointResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateWebhookEndpointBody,
  ): Promise<WebhookEndpointDto> {
    return this.endpoints.update(principal, id, body);
  }

  @Delete(ENDPOINT)
  @HttpCode(204)
  @Roles(Role.Admin)
  @ApiOperation({ operationId: 'deleteWebhookEndpoint', summary: 'Delete an endpoint with its deliveries' })
  @ApiNoContentResponse()
  @ApiErrorResponses(400, 401, 403, 404)
  remove(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.endpoints.remove(principal, id);
  }

  @Post(`${ENDPOINT}/${R.enable}`)
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'enableWebhookEndpoint',
    summary: 'Enable (or re-enable after persistent failure) an endpoint; its waiting deliveries go at once',
  })
  @ApiOkResponse({ type: WebhookEndpointResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  enable(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointDto> {
    return this.endpoints.enable(principal, id);
  }

  @Post(`${ENDPOINT}/${R.disable}`)
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'disableWebhookEndpoint',
    summary: 'Disable an endpoint, with a reason; no events are written for it meanwhile',
  })
  @ApiOkResponse({ type: WebhookEndpointResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  disable(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DisableWebhookEndpointBody,
  ): Promise<WebhookEndpointDto> {
    return this.endpoints.disable(principal, id, body.reason);
  }

  @Post(`${ENDPOINT}/${R.rotateSecret}`)
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'rotateWebhookSecret',
    summary: 'A new signing secret, shown this once; the old one also signs (a second v1) until the overlap ends',
  })
  @ApiOkResponse({ type: RotatedWebhookSecretResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  rotate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RotateWebhookSecretBody,
  ): Promise<RotatedWebhookSecretDto> {
    return this.endpoints.rotateSecret(principal, id, body.overlapHours);
  }

  @Post(`${ENDPOINT}/${R.test}`)
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'sendWebhookTestEvent',
    summary: 'Send a webhook.test event now (one attempt, enabled or not); answers the delivery with its attempt',
  })
  @ApiOkResponse({ type: WebhookDeliveryDetailResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  test(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookDeliveryDetailDto> {
    return this.deliveries.sendTest(principal, id);
  }

  @Get(R.deliveries)
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'listWebhookDeliveries',
    summary: 'Deliveries, newest first; filter by endpoint, event, event type or state',
  })
  @ApiOkResponse({ type: WebhookDeliveryPageResponse })
  @ApiErrorResponses(400, 401, 403)
  deliveriesList(@CurrentPrincipal() principal: Principal, @Query() query: WebhookDeliveryListQueryDto): Promise<Page<WebhookDeliveryDto>> {
    return this.deliveries.list(principal.organisationId, query);
  }

  @Get(DELIVERY)
  @Roles(Role.Admin)
  @ApiOperation({ operationId: 'getWebhookDelivery', summary: 'One delivery with every attempt: the request sent and the answer' })
  @ApiOkResponse({ type: WebhookDeliveryDetailResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  delivery(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookDeliveryDetailDto> {
    return this.deliveries.detail(principal.organisationId, id);
  }

  @Post(`${DELIVERY}/${R.replay}`)
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'replayWebhookDelivery',
    summary: 'Send a delivery again now, same event id and body, with a fresh count of attempts (409 while its endpoint is disabled)',
  })
  @ApiOkResponse({ type: WebhookDeliveryDetailResponse })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  replay(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookDeliveryDetailDto> {
    return this.deliveries.replay(principal, id);
  }
}
