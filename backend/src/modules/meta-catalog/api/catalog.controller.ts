import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ErrorCode,
  Role,
  ROUTES,
  type CatalogImportReport,
  type CatalogLinkDto,
  type CatalogProductDto,
  type CatalogSyncDto,
  type MetaCatalogDto,
  type Page,
} from '@legeai/contracts';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../../../common/auth/current-principal.decorator';
import { Principal } from '../../../common/auth/principal';
import { Roles } from '../../../common/auth/roles.decorator';
import { ApiError } from '../../../common/errors/api-error';
import { ApiErrorResponses } from '../../../common/swagger/api-error-responses.decorator';
import { CatalogsService } from '../catalogs/catalogs.service';
import { CatalogProductsService } from '../products/catalog-products.service';
import { CatalogSyncsService } from '../sync/catalog-syncs.service';
import { CatalogListQueryDto, CreateCatalogDto, LinkCatalogDto, ProductListQueryDto, SyncListQueryDto } from './dto/catalog-queries.dto';
import {
  CatalogImportReportResponse,
  CatalogLinkResponse,
  CatalogProductPageResponse,
  CatalogProductResponse,
  CatalogSyncPageResponse,
  CatalogSyncResponse,
  MetaCatalogResponse,
} from './dto/catalog-responses.dto';
import { CreateProductDto, UpdateProductDto } from './dto/product-writes.dto';

const R = ROUTES.catalog;

/**
 * MetaCatalog: the organisation's insurance products, its Meta catalog and the syncs between them. Viewers read;
 * managers write products and start syncs; admins link catalogs and answer the delete guard.
 */
@ApiTags('meta-catalog')
@Controller(R.base)
export class CatalogController {
  constructor(
    private readonly products: CatalogProductsService,
    private readonly catalogs: CatalogsService,
    private readonly syncs: CatalogSyncsService,
  ) {}

  @Get(R.products)
  @Roles(Role.Viewer)
  @ApiOperation({
    operationId: 'listCatalogProducts',
    summary: "Products with their sync state, readiness for Meta and Meta's item errors",
  })
  @ApiOkResponse({ type: CatalogProductPageResponse })
  @ApiErrorResponses(400, 401, 403)
  listProducts(@CurrentPrincipal() principal: Principal, @Query() query: ProductListQueryDto): Promise<Page<CatalogProductDto>> {
    return this.products.list(principal.organisationId, query);
  }

  @Post(R.productsImport)
  @Roles(Role.Manager)
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: 'retailer_id,name,brand,price,currency,landing_url,image_url,description\n' },
    description:
      'CSV with a header row; columns retailer_id, name, description, brand, line_of_business, price (19.99), currency, landing_url, image_url, availability, custom_label_0…4',
  })
  @ApiOperation({
    operationId: 'importCatalogProducts',
    summary: 'Import products from CSV: the good rows are saved, the bad ones reported by line and field',
  })
  @ApiOkResponse({ type: CatalogImportReportResponse })
  @ApiErrorResponses(400, 401, 403, 413, 415)
  importProducts(@CurrentPrincipal() principal: Principal, @Req() req: FastifyRequest): Promise<CatalogImportReport> {
    if (!/^text\/csv\s*(;|$)/i.test(req.headers['content-type'] ?? ''))
      throw new ApiError(415, 'unsupported_media_type', 'Send the file as text/csv');
    if (typeof req.body !== 'string') throw new ApiError(400, ErrorCode.ValidationFailed, 'The CSV body is empty');
    return this.products.importCsv(principal, req.body);
  }

  @Get(`${R.products}/:id`)
  @Roles(Role.Viewer)
  @ApiOperation({ operationId: 'getCatalogProduct', summary: 'One product' })
  @ApiOkResponse({ type: CatalogProductResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  getProduct(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<CatalogProductDto> {
    return this.products.get(principal.organisationId, id);
  }

  @Post(R.products)
  @Roles(Role.Manager)
  @ApiOperation({ operationId: 'createCatalogProduct', summary: 'Create a product; it is sent to the catalog by the next sync' })
  @ApiCreatedResponse({ type: CatalogProductResponse })
  @ApiErrorResponses(400, 401, 403, 409)
  createProduct(@CurrentPrincipal() principal: Principal, @Body() body: CreateProductDto): Promise<CatalogProductDto> {
    return this.products.create(principal, body);
  }

  @Patch(`${R.products}/:id`)
  @Roles(Role.Manager)
  @ApiOperation({ operationId: 'updateCatalogProduct', summary: 'Change a product (its retailer id stays)' })
  @ApiOkResponse({ type: CatalogProductResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  updateProduct(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateProductDto,
  ): Promise<CatalogProductDto> {
    return this.products.update(principal, id, body);
  }

  @Delete(`${R.products}/:id`)
  @Roles(Role.Manager)
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteCatalogProduct', summary: 'Delete a product; the next sync deletes its item from the catalog' })
  @ApiNoContentResponse()
  @ApiErrorResponses(400, 401, 403, 404)
  deleteProduct(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.products.remove(principal, id);
  }

  @Get(R.catalogs)
  @Roles(Role.Viewer)
  @ApiOperation({ operationId: 'listMetaCatalogs', summary: "The Meta catalogs of the connection's businesses (from Graph)" })
  @ApiOkResponse({ type: [MetaCatalogResponse] })
  @ApiErrorResponses(400, 401, 403, 409, 429, 502)
  listCatalogs(@CurrentPrincipal() principal: Principal, @Query() query: CatalogListQueryDto): Promise<MetaCatalogDto[]> {
    return this.catalogs.list(principal.organisationId, query.businessId);
  }

  @Post(R.catalogs)
  @Roles(Role.Admin)
  @ApiOperation({ operationId: 'createMetaCatalog', summary: 'Create a commerce catalog in a business' })
  @ApiCreatedResponse({ type: MetaCatalogResponse })
  @ApiErrorResponses(400, 401, 403, 409, 429, 502)
  createCatalog(@CurrentPrincipal() principal: Principal, @Body() body: CreateCatalogDto): Promise<MetaCatalogDto> {
    return this.catalogs.create(principal, body.businessId, body.name);
  }

  @Get(R.link)
  @Roles(Role.Viewer)
  @ApiOperation({ operationId: 'getCatalogLink', summary: 'The linked catalog with its item count and diagnostics from Graph' })
  @ApiOkResponse({ type: CatalogLinkResponse })
  @ApiErrorResponses(401, 403, 404)
  link(@CurrentPrincipal() principal: Principal): Promise<CatalogLinkDto> {
    return this.catalogs.show(principal.organisationId);
  }

  @Put(R.link)
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'linkCatalog',
    summary: 'Link a Meta catalog to the organisation; another catalog than before starts the sync over',
  })
  @ApiOkResponse({ type: CatalogLinkResponse })
  @ApiErrorResponses(400, 401, 403, 409, 429, 502)
  setLink(@CurrentPrincipal() principal: Principal, @Body() body: LinkCatalogDto): Promise<CatalogLinkDto> {
    return this.catalogs.link(principal, body.catalogId);
  }

  @Post(R.syncs)
  @Roles(Role.Manager)
  @HttpCode(202)
  @ApiOperation({ operationId: 'syncCatalog', summary: 'Sync now: queues a sync, or answers the one already queued, running or held' })
  @ApiAcceptedResponse({ type: CatalogSyncResponse })
  @ApiErrorResponses(401, 403, 409)
  syncNow(@CurrentPrincipal() principal: Principal): Promise<CatalogSyncDto> {
    return this.syncs.syncNow(principal);
  }

  @Get(R.syncs)
  @Roles(Role.Viewer)
  @ApiOperation({ operationId: 'listCatalogSyncs', summary: 'The history of syncs, newest first' })
  @ApiOkResponse({ type: CatalogSyncPageResponse })
  @ApiErrorResponses(400, 401, 403)
  listSyncs(@CurrentPrincipal() principal: Principal, @Query() query: SyncListQueryDto): Promise<Page<CatalogSyncDto>> {
    return this.syncs.list(principal.organisationId, query);
  }

  @Get(`${R.syncs}/:id`)
  @Roles(Role.Viewer)
  @ApiOperation({ operationId: 'getCatalogSync', summary: 'One sync and its progress' })
  @ApiOkResponse({ type: CatalogSyncResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  getSync(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<CatalogSyncDto> {
    return this.syncs.get(principal.organisationId, id);
  }

  @Post(`${R.syncs}/:id/${R.confirm}`)
  @Roles(Role.Admin)
  @HttpCode(202)
  @ApiOperation({ operationId: 'confirmCatalogSync', summary: 'Let a held sync delete the items it listed' })
  @ApiAcceptedResponse({ type: CatalogSyncResponse })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  confirm(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<CatalogSyncDto> {
    return this.syncs.confirm(principal, id);
  }

  @Post(`${R.syncs}/:id/${R.cancel}`)
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ operationId: 'cancelCatalogSync', summary: 'Drop a held sync: nothing is deleted' })
  @ApiOkResponse({ type: CatalogSyncResponse })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  cancel(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<CatalogSyncDto> {
    return this.syncs.cancel(principal, id);
  }
}
