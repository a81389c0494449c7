import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEntryDto, AuditLogFiltersDto, Page, Role, ROUTES } from '@legeai/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../common/swagger/api-error-responses.decorator';
import { AuditLogReader } from './audit-log.reader';
import { AuditEntryPageResponse, AuditLogFiltersResponse } from './dto/audit-entry.response';
import { AuditLogQueryDto } from './dto/audit-log-query.dto';

@ApiTags('audit')
@Controller(ROUTES.audit)
export class AuditController {
  constructor(private readonly log: AuditLogReader) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({
    summary: "The organisation's audit log, newest first, filtered by category, actor, action, subject, time or correlation id",
  })
  @ApiOkResponse({ type: AuditEntryPageResponse })
  @ApiErrorResponses(400, 401, 403)
  list(@CurrentPrincipal() principal: Principal, @Query() query: AuditLogQueryDto): Promise<Page<AuditEntryDto>> {
    return this.log.list(principal.organisationId, query);
  }

  @Get(ROUTES.auditFilters)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'The actors, actions and subject types that occur in the audit log, to filter by' })
  @ApiOkResponse({ type: AuditLogFiltersResponse })
  @ApiErrorResponses(401, 403)
  filters(@CurrentPrincipal() principal: Principal): Promise<AuditLogFiltersDto> {
    return this.log.filters(principal.organisationId);
  }
}
