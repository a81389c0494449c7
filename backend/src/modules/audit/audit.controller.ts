import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEntryDto, Page, Role, ROUTES } from '@legeai/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { pageOf } from '../../common/paging/page-query.dto';
import { ApiErrorResponses } from '../../common/swagger/api-error-responses.decorator';
import { AuditService } from './audit.service';
import { AuditEntryPageResponse } from './dto/audit-entry.response';
import { AuditLogQueryDto } from './dto/audit-log-query.dto';

@ApiTags('audit')
@Controller(ROUTES.audit)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({ summary: "The organisation's audit log, newest first" })
  @ApiOkResponse({ type: AuditEntryPageResponse })
  @ApiErrorResponses(400, 401, 403)
  list(@CurrentPrincipal() principal: Principal, @Query() query: AuditLogQueryDto): Promise<Page<AuditEntryDto>> {
    const { limit, offset } = pageOf(query);
    return this.audit.list(principal, limit, offset);
  }
}
