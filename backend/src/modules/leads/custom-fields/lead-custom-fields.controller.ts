import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LeadDetailDto, Role, ROUTES } from '@legeai/contracts';
import { CurrentPrincipal } from '../../../common/auth/current-principal.decorator';
import { Principal } from '../../../common/auth/principal';
import { Roles } from '../../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../../common/swagger/api-error-responses.decorator';
import { LeadDetailResponse } from '../dto/lead.response';
import { UpdateLeadCustomFieldsBody } from './dto/update-lead-custom-fields.dto';
import { LeadCustomFieldsEditor } from './lead-custom-fields.editor';

/** Managers and admins correct or fill a lead's custom field values by hand. */
@ApiTags('leads')
@Controller(ROUTES.leads)
export class LeadCustomFieldsController {
  constructor(private readonly editor: LeadCustomFieldsEditor) {}

  @Patch(`:id/${ROUTES.leadCustomFields}`)
  @Roles(Role.Manager)
  @ApiOperation({
    summary: "Set or clear a lead's custom field values",
    description:
      'Each value is checked against its field (400 naming values.<key>): numbers as JSON numbers, dates as ' +
      'YYYY-MM-DD, choices by option key; archived or unknown fields are refused. Audited as ' +
      'lead.custom_fields_changed with the changed values before and after.',
  })
  @ApiOkResponse({ type: LeadDetailResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateLeadCustomFieldsBody,
  ): Promise<LeadDetailDto> {
    return this.editor.update(principal, id, body.values);
  }
}
