import { ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_ACTOR_TYPES, AUDIT_CATEGORIES, type AuditActorType, type AuditCategory, type AuditLogQuery } from '@legeai/contracts';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/paging/page-query.dto';

/** Filters of the audit log; every one given must hold. Unknown values are refused (400), not ignored. */
export class AuditLogQueryDto extends PageQueryDto implements AuditLogQuery {
  @ApiPropertyOptional({ enum: AUDIT_CATEGORIES, description: 'Changes, sign-ins, or views and exports of contact details' })
  @IsOptional()
  @IsIn(AUDIT_CATEGORIES)
  category?: AuditCategory;

  @ApiPropertyOptional({ enum: AUDIT_ACTOR_TYPES })
  @IsOptional()
  @IsIn(AUDIT_ACTOR_TYPES)
  actorType?: AuditActorType;

  @ApiPropertyOptional({ format: 'uuid', description: 'The user or API key that acted' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'lead.status_changed', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/, { message: 'action must be a dotted action code, e.g. lead.status_changed' })
  action?: string;

  @ApiPropertyOptional({ example: 'lead', maxLength: 50, description: 'What the entry is about' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  @Matches(/^[a-z][a-z_]*$/, { message: 'targetType must be a subject type, e.g. lead' })
  targetType?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'The id of what the entry is about' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^[\w:.-]+$/, { message: 'targetId must be an id (letters, digits, _ : . -)' })
  targetId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'At or after (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'At or before (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'The X-Request-Id of an API call, or job:<queue>:<id>' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[\w:.-]+$/, { message: 'correlationId must be a request id or job:<queue>:<id>' })
  correlationId?: string;
}
