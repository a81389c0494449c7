import { ApiProperty } from '@nestjs/swagger';
import {
  AUDIT_ACTOR_TYPES,
  AUDIT_CATEGORIES,
  type AuditActionOption,
  type AuditActorOption,
  type AuditActorType,
  type AuditCategory,
  type AuditEntryDto,
  type AuditLogFiltersDto,
  type AuditState,
  type Page,
} from '@legeai/contracts';

export class AuditEntryResponse implements AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: AUDIT_CATEGORIES }) category!: AuditCategory;
  @ApiProperty({ enum: AUDIT_ACTOR_TYPES }) actorType!: AuditActorType;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty({ example: 'Ana Admin', description: 'Current name; the name at the time if the actor is gone; "System"' })
  actorName!: string;
  @ApiProperty({ type: String, nullable: true, example: 'ana@example.com', description: "A user's email, an API key's prefix" })
  actorDetail!: string | null;
  @ApiProperty({ example: 'user.created' }) action!: string;
  @ApiProperty({ type: String, nullable: true, example: 'user' }) targetType!: string | null;
  @ApiProperty({ type: String, nullable: true }) targetId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Changed fields as they were' })
  before!: AuditState | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Changed fields as they became' })
  after!: AuditState | null;
  @ApiProperty({ type: String, nullable: true, description: 'X-Request-Id of the API call, or job:<queue>:<id>' })
  correlationId!: string | null;
}

export class AuditEntryPageResponse implements Page<AuditEntryDto> {
  @ApiProperty({ type: [AuditEntryResponse] }) items!: AuditEntryResponse[];
  @ApiProperty({ description: "Entries matching the filters: exact up to 1,000, PostgreSQL's estimate beyond" }) total!: number;
  @ApiProperty({ description: 'false when total is an estimate (more than 1,000 matching entries)' }) totalExact!: boolean;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

class AuditActorOptionResponse implements AuditActorOption {
  @ApiProperty({ enum: AUDIT_ACTOR_TYPES }) type!: AuditActorType;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) detail!: string | null;
}

class AuditActionOptionResponse implements AuditActionOption {
  @ApiProperty({ example: 'lead.status_changed' }) action!: string;
  @ApiProperty({ enum: AUDIT_CATEGORIES }) category!: AuditCategory;
}

export class AuditLogFiltersResponse implements AuditLogFiltersDto {
  @ApiProperty({ type: [AuditActorOptionResponse] }) actors!: AuditActorOptionResponse[];
  @ApiProperty({ type: [AuditActionOptionResponse] }) actions!: AuditActionOptionResponse[];
  @ApiProperty({ type: [String], example: ['lead', 'user'] }) targetTypes!: string[];
}
