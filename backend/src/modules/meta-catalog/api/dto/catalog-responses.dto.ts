import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CatalogDiagnosticDto,
  CatalogImportProblem,
  CatalogImportReport,
  CatalogItemIssue,
  CatalogLinkDto,
  CatalogProductDto,
  CatalogSyncDto,
  MetaCatalogDto,
} from '@legeai/contracts';
import { LINES_OF_BUSINESS, PRODUCT_AVAILABILITIES, PRODUCT_SYNC_STATES } from '../../products/product-fields';

export class CatalogItemIssueResponse implements CatalogItemIssue {
  @ApiProperty({ enum: ['meta', 'readiness'] }) source!: 'meta' | 'readiness';
  @ApiPropertyOptional() field?: string;
  @ApiProperty() message!: string;
}

export class CatalogProductResponse implements CatalogProductDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() retailerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() brand!: string;
  @ApiProperty({ enum: LINES_OF_BUSINESS }) lineOfBusiness!: CatalogProductDto['lineOfBusiness'];
  @ApiProperty({ type: 'integer' }) priceMinor!: number;
  @ApiProperty() currency!: string;
  @ApiProperty({ type: String, nullable: true }) landingUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) imageUrl!: string | null;
  @ApiProperty({ enum: PRODUCT_AVAILABILITIES }) availability!: CatalogProductDto['availability'];
  @ApiProperty({ type: [String], nullable: true }) customLabels!: (string | null)[];
  @ApiProperty({ enum: PRODUCT_SYNC_STATES }) syncState!: CatalogProductDto['syncState'];
  @ApiProperty({ type: [CatalogItemIssueResponse] }) readiness!: CatalogItemIssue[];
  @ApiProperty({ type: [CatalogItemIssueResponse] }) syncErrors!: CatalogItemIssue[];
  @ApiProperty({ type: [CatalogItemIssueResponse] }) syncWarnings!: CatalogItemIssue[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) syncedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CatalogProductPageResponse {
  @ApiProperty({ type: [CatalogProductResponse] }) items!: CatalogProductDto[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) limit!: number;
  @ApiProperty({ type: 'integer' }) offset!: number;
}

export class CatalogImportProblemResponse implements CatalogImportProblem {
  @ApiProperty({ type: 'integer', description: 'Line of the file; the header is line 1' }) row!: number;
  @ApiProperty() field!: string;
  @ApiProperty() message!: string;
}

export class CatalogImportReportResponse implements CatalogImportReport {
  @ApiProperty({ type: 'integer' }) rows!: number;
  @ApiProperty({ type: 'integer' }) created!: number;
  @ApiProperty({ type: 'integer' }) updated!: number;
  @ApiProperty({ type: 'integer' }) unchanged!: number;
  @ApiProperty({ type: 'integer' }) rejected!: number;
  @ApiProperty({ type: [CatalogImportProblemResponse] }) problems!: CatalogImportProblem[];
}

export class MetaCatalogResponse implements MetaCatalogDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) businessId!: string | null;
  @ApiProperty({ type: String, nullable: true }) businessName!: string | null;
  @ApiProperty({ type: String, nullable: true }) vertical!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) productCount!: number | null;
}

export class CatalogDiagnosticResponse implements CatalogDiagnosticDto {
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, nullable: true }) severity!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) affectedItems!: number | null;
}

export class CatalogLinkResponse implements CatalogLinkDto {
  @ApiProperty() catalogId!: string;
  @ApiProperty() catalogName!: string;
  @ApiProperty({ type: String, nullable: true }) businessId!: string | null;
  @ApiProperty({ format: 'date-time' }) linkedAt!: string;
  @ApiProperty({ type: 'integer', nullable: true }) productCount!: number | null;
  @ApiProperty({ type: [CatalogDiagnosticResponse] }) diagnostics!: CatalogDiagnosticDto[];
  @ApiProperty({ type: String, nullable: true }) graphError!: string | null;
}

export class CatalogSyncResponse implements CatalogSyncDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() catalogId!: string;
  @ApiProperty({ enum: ['schedule', 'on_demand', 'confirmation'] }) trigger!: CatalogSyncDto['trigger'];
  @ApiProperty({ enum: ['queued', 'running', 'awaiting_confirmation', 'succeeded', 'failed', 'cancelled'] })
  state!: CatalogSyncDto['state'];
  @ApiProperty({ type: 'integer' }) creates!: number;
  @ApiProperty({ type: 'integer' }) updates!: number;
  @ApiProperty({ type: 'integer' }) deletes!: number;
  @ApiProperty({ type: 'integer' }) skipped!: number;
  @ApiProperty({ type: 'integer' }) itemErrors!: number;
  @ApiProperty({ type: 'integer' }) itemWarnings!: number;
  @ApiProperty({ type: 'integer' }) writeRequests!: number;
  @ApiProperty({ type: 'integer' }) statusPolls!: number;
  @ApiProperty({ type: 'integer' }) batchesTotal!: number;
  @ApiProperty({ type: 'integer' }) batchesDone!: number;
  @ApiProperty({ type: [String], nullable: true }) pendingDeletes!: string[] | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ format: 'date-time' }) queuedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
}

export class CatalogSyncPageResponse {
  @ApiProperty({ type: [CatalogSyncResponse] }) items!: CatalogSyncDto[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) limit!: number;
  @ApiProperty({ type: 'integer' }) offset!: number;
}
