import { Injectable } from '@nestjs/common';
import { ErrorCode, type CatalogImportProblem, type CatalogImportReport, type CatalogProductDto, type Page } from '@legeai/contracts';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { Principal } from '../../../common/auth/principal';
import { ApiError } from '../../../common/errors/api-error';
import { pageOf } from '../../../common/paging/page-query.dto';
import { controlCharacterFields } from '../../../common/validation/control-characters';
import { AuditService } from '../../audit';
import { CreateProductDto, type UpdateProductDto } from '../api/dto/product-writes.dto';
import type { ProductListQueryDto } from '../api/dto/catalog-queries.dto';
import type { CatalogProduct } from '../entities/catalog-product.entity';
import { CatalogProductsRepository } from './catalog-products.repository';
import { readProductCsv } from './product-csv';
import { contentHash } from './product-feed';
import { readinessIssues } from './product-readiness';

const notFound = (id: string) => new ApiError(404, ErrorCode.NotFound, `Product ${id} not found`);

export function productDto(p: CatalogProduct): CatalogProductDto {
  return {
    id: p.id,
    retailerId: p.retailerId,
    name: p.name,
    description: p.description,
    brand: p.brand,
    lineOfBusiness: p.lineOfBusiness,
    priceMinor: p.priceMinor,
    currency: p.currency,
    landingUrl: p.landingUrl,
    imageUrl: p.imageUrl,
    availability: p.availability,
    customLabels: p.customLabels,
    syncState: p.syncState,
    readiness: readinessIssues(p),
    syncErrors: p.syncErrors,
    syncWarnings: p.syncWarnings,
    syncedAt: p.syncedAt?.toISOString() ?? null,
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Copies a write's fields onto a product (defaults for a new one) and refreshes its hash and state. */
function applyFields(product: CatalogProduct, body: Partial<CreateProductDto>, isNew: boolean): boolean {
  const before = product.contentHash;
  const set = <K extends keyof CreateProductDto & keyof CatalogProduct>(key: K, fallback?: CatalogProduct[K]) => {
    if (body[key] !== undefined) (product as unknown as Record<string, unknown>)[key] = body[key];
    else if (isNew && fallback !== undefined) (product as unknown as Record<string, unknown>)[key] = fallback;
  };
  set('retailerId');
  set('name');
  set('description', '');
  set('brand');
  set('lineOfBusiness', 'other');
  set('priceMinor');
  set('currency');
  set('landingUrl', null);
  set('imageUrl', null);
  set('availability', 'in stock');
  if (body.customLabels !== undefined) product.customLabels = [...body.customLabels, null, null, null, null, null].slice(0, 5);
  else if (isNew) product.customLabels = [null, null, null, null, null];
  product.contentHash = contentHash(product);
  const changed = product.contentHash !== before;
  if (changed && product.contentHash !== product.sentHash) product.syncState = 'pending';
  return changed;
}

/** Flattens class-validator's answer into the import report's problems of one row. */
function rowProblems(row: number, errors: ValidationError[], prefix = ''): CatalogImportProblem[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((message) => ({ row, field: `${prefix}${e.property}`, message })),
    ...rowProblems(row, e.children ?? [], `${prefix}${e.property}.`),
  ]);
}

/** The organisation's insurance products: CRUD, the CSV import and the readiness each one has for Meta. */
@Injectable()
export class CatalogProductsService {
  constructor(
    private readonly products: CatalogProductsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(organisationId: string, query: ProductListQueryDto): Promise<Page<CatalogProductDto>> {
    const { limit, offset } = pageOf(query);
    const [rows, total] = await this.products.page(organisationId, query, limit, offset);
    return { items: rows.map(productDto), total, limit, offset };
  }

  async get(organisationId: string, id: string): Promise<CatalogProductDto> {
    const product = await this.products.findLive(organisationId, id);
    if (!product) throw notFound(id);
    return productDto(product);
  }

  async create(principal: Principal, body: CreateProductDto): Promise<CatalogProductDto> {
    const [existing] = await this.products.byRetailerIds(principal.organisationId, [body.retailerId]);
    if (existing && !existing.deletedAt)
      throw new ApiError(409, ErrorCode.Conflict, `A product with retailer id ${body.retailerId} already exists`);
    // A retailer id deleted but not yet removed from the catalog comes back as the same item: an UPDATE, not a DELETE.
    const product = existing ?? this.products.create({ organisationId: principal.organisationId, syncErrors: [], syncWarnings: [] });
    product.deletedAt = null;
    if (existing) applyFields(product, { ...productDefaults(), ...body }, false);
    else applyFields(product, body, true);
    product.syncState = product.contentHash === product.syncedHash ? 'synced' : 'pending';
    const saved = await this.products.save(product);
    await this.audit.recordBy(
      principal,
      'catalog.product_created',
      { type: 'catalog_product', id: saved.id },
      {
        before: null,
        after: { retailerId: saved.retailerId, name: saved.name, priceMinor: saved.priceMinor, currency: saved.currency },
      },
    );
    return productDto(saved);
  }

  async update(principal: Principal, id: string, body: UpdateProductDto): Promise<CatalogProductDto> {
    const product = await this.products.findLive(principal.organisationId, id);
    if (!product) throw notFound(id);
    const before = { name: product.name, priceMinor: product.priceMinor, currency: product.currency, availability: product.availability };
    if (!applyFields(product, body, false)) return productDto(product);
    const saved = await this.products.save(product);
    await this.audit.recordBy(
      principal,
      'catalog.product_updated',
      { type: 'catalog_product', id },
      {
        before,
        after: { name: saved.name, priceMinor: saved.priceMinor, currency: saved.currency, availability: saved.availability },
      },
    );
    return productDto(saved);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const product = await this.products.findLive(principal.organisationId, id);
    if (!product) throw notFound(id);
    await this.products.markDeleted(principal.organisationId, id);
    await this.audit.recordBy(
      principal,
      'catalog.product_deleted',
      { type: 'catalog_product', id },
      {
        before: { retailerId: product.retailerId, name: product.name },
        after: null,
      },
    );
  }

  /**
   * Imports a CSV: every row is validated like a create, the good rows are created or update the product of their
   * retailer id, the bad ones are reported by line and field. A file-level problem (header, quoting) imports nothing.
   */
  async importCsv(principal: Principal, text: string): Promise<CatalogImportReport> {
    const { rows, problems, total } = readProductCsv(text);
    const report: CatalogImportReport = { rows: total, created: 0, updated: 0, unchanged: 0, rejected: 0, problems };
    const good: { row: number; body: CreateProductDto }[] = [];
    const seen = new Map<string, number>();
    for (const { row, body } of rows) {
      const found = controlCharacterFields(body, '', { allowLineBreaks: true }).flatMap((f) =>
        f.messages.map((message) => ({ row, field: f.field, message })),
      );
      const dto = plainToInstance(CreateProductDto, body);
      if (found.length === 0) found.push(...rowProblems(row, await validate(dto, { whitelist: true, forbidNonWhitelisted: true })));
      const previous = seen.get(dto.retailerId);
      if (found.length === 0 && previous !== undefined)
        found.push({ row, field: 'retailer_id', message: `Retailer id ${dto.retailerId} is already on line ${previous}` });
      if (found.length > 0) {
        problems.push(...found);
        continue;
      }
      seen.set(dto.retailerId, row);
      good.push({ row, body: dto });
    }
    report.rejected = total - good.length;
    const existing = new Map(
      (
        await this.products.byRetailerIds(
          principal.organisationId,
          good.map((g) => g.body.retailerId),
        )
      ).map((p) => [p.retailerId, p]),
    );
    const changed: CatalogProduct[] = [];
    for (const { body } of good) {
      const product = existing.get(body.retailerId);
      if (!product) {
        const created = this.products.create({
          organisationId: principal.organisationId,
          syncErrors: [],
          syncWarnings: [],
          deletedAt: null,
        });
        applyFields(created, body, true);
        created.syncState = 'pending';
        changed.push(created);
        report.created++;
        continue;
      }
      const revived = product.deletedAt !== null;
      product.deletedAt = null;
      // A file row is the whole product: columns left blank take the defaults.
      if (applyFields(product, { ...productDefaults(), ...body }, false) || revived) {
        changed.push(product);
        report.updated++;
      } else report.unchanged++;
    }
    if (changed.length > 0) await this.products.saveMany(changed);
    problems.sort((a, b) => a.row - b.row);
    await this.audit.recordBy(principal, 'catalog.products_imported', undefined, {
      rows: report.rows,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      rejected: report.rejected,
    });
    return report;
  }
}

function productDefaults(): Partial<CreateProductDto> {
  return {
    description: '',
    lineOfBusiness: 'other',
    landingUrl: null,
    imageUrl: null,
    availability: 'in stock',
    customLabels: [null, null, null, null, null],
  };
}
