import { Injectable } from '@nestjs/common';
import { ErrorCode, type CatalogLinkDto, type MetaCatalogDto } from '@legeai/contracts';
import type { Principal } from '../../../common/auth/principal';
import { ApiError } from '../../../common/errors/api-error';
import { MetaGraphError } from '../../../infra/meta-graph';
import { graphApiError } from '../../../infra/meta-sync';
import { AuditService } from '../../audit';
import { CatalogConnection } from '../graph/catalog-connection';
import { CatalogGraphApi, catalogCallContext, type GraphCatalog } from '../graph/catalog-graph.api';
import { CatalogProductsRepository } from '../products/catalog-products.repository';
import { CatalogLinksRepository } from './catalog-links.repository';

const catalogDto = (c: GraphCatalog, businessId: string | null, businessName: string | null): MetaCatalogDto => ({
  id: c.id,
  name: c.name ?? c.id,
  businessId: c.business?.id ?? businessId,
  businessName: c.business?.name ?? businessName,
  vertical: c.vertical ?? null,
  productCount: c.product_count ?? null,
});

/** Meta's refusal of a call made for a console request, in the API's words. */
async function graphCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof MetaGraphError) throw graphApiError(error);
    throw error;
  }
}

/** The business's catalogs, creating one, and the one linked to the organisation with its item count and problems. */
@Injectable()
export class CatalogsService {
  constructor(
    private readonly graph: CatalogGraphApi,
    private readonly connection: CatalogConnection,
    private readonly links: CatalogLinksRepository,
    private readonly products: CatalogProductsRepository,
    private readonly audit: AuditService,
  ) {}

  /** `GET /{business-id}/owned_product_catalogs` of one business, or of every business the connection reaches. */
  async list(organisationId: string, businessId?: string): Promise<MetaCatalogDto[]> {
    const token = await this.connection.tokenOrThrow(organisationId);
    return graphCall(async () => {
      const businesses = businessId ? [{ id: businessId, name: undefined }] : await this.graph.businesses(catalogCallContext(token));
      const out: MetaCatalogDto[] = [];
      for (const business of businesses) {
        for (const catalog of await this.graph.catalogsOf(business.id, catalogCallContext(token, business.id)))
          out.push(catalogDto(catalog, business.id, business.name ?? null));
      }
      return out;
    });
  }

  async create(principal: Principal, businessId: string, name: string): Promise<MetaCatalogDto> {
    const token = await this.connection.tokenOrThrow(principal.organisationId);
    const id = await graphCall(() => this.graph.createCatalog(businessId, name, catalogCallContext(token, businessId)));
    await this.audit.recordBy(principal, 'catalog.catalog_created', { type: 'meta_catalog', id }, { businessId, name });
    return { id, name, businessId, businessName: null, vertical: 'commerce', productCount: 0 };
  }

  /** Links a catalog the connection can read; a different catalog than before starts the products' sync over. */
  async link(principal: Principal, catalogId: string): Promise<CatalogLinkDto> {
    const token = await this.connection.tokenOrThrow(principal.organisationId);
    const catalog = await graphCall(() => this.graph.catalog(catalogId, catalogCallContext(token, catalogId)));
    const before = await this.links.find(principal.organisationId);
    if (before?.catalogId !== catalogId) await this.products.resetSyncMarks(principal.organisationId);
    await this.links.set({
      organisationId: principal.organisationId,
      catalogId,
      catalogName: catalog.name ?? catalogId,
      businessId: catalog.business?.id ?? null,
      linkedBy: principal.kind === 'user' ? principal.id : null,
    });
    await this.audit.recordBy(
      principal,
      'catalog.linked',
      { type: 'meta_catalog', id: catalogId },
      {
        before: before ? { catalogId: before.catalogId } : null,
        after: { catalogId, name: catalog.name ?? null },
      },
    );
    return this.show(principal.organisationId);
  }

  /** The linked catalog with its item count and diagnostics from Graph; Meta being unreachable is said, not thrown. */
  async show(organisationId: string): Promise<CatalogLinkDto> {
    const link = await this.links.find(organisationId);
    if (!link) throw new ApiError(404, ErrorCode.NotFound, 'No catalog is linked to the organisation yet');
    const dto: CatalogLinkDto = {
      catalogId: link.catalogId,
      catalogName: link.catalogName,
      businessId: link.businessId,
      linkedAt: link.linkedAt.toISOString(),
      productCount: null,
      diagnostics: [],
      graphError: null,
    };
    const found = await this.connection.token(organisationId);
    if ('reason' in found) return { ...dto, graphError: found.reason };
    const ctx = catalogCallContext(found.token, link.catalogId);
    try {
      const [catalog, groups] = await Promise.all([this.graph.catalog(link.catalogId, ctx), this.graph.diagnostics(link.catalogId, ctx)]);
      dto.productCount = catalog.product_count ?? null;
      dto.diagnostics = groups.map((g) => ({
        title: g.title ?? 'Catalog problem',
        description: g.subtitle ?? '',
        severity: g.severity ?? null,
        affectedItems: g.number_of_affected_items ?? null,
      }));
    } catch (error) {
      if (!(error instanceof MetaGraphError)) throw error;
      dto.graphError = graphApiError(error).message;
    }
    return dto;
  }
}
