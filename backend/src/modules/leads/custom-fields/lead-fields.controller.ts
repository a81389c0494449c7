import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LeadFieldDefinitionDto, Role, ROUTES } from '@legeai/contracts';
import { CurrentPrincipal } from '../../../common/auth/current-principal.decorator';
import { Principal } from '../../../common/auth/principal';
import { Roles } from '../../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../../common/swagger/api-error-responses.decorator';
import { CreateLeadFieldBody, LeadFieldDefinitionResponse, UpdateLeadFieldBody } from './dto/lead-field.dto';
import { LeadFieldsService } from './lead-fields.service';

/** The organisation's custom lead fields: everyone signed in reads them, admins define them. */
@ApiTags('lead-fields')
@Controller(ROUTES.leadFields)
export class LeadFieldsController {
  constructor(private readonly fields: LeadFieldsService) {}

  @Get()
  @Roles(Role.Viewer)
  @ApiOperation({ summary: "The organisation's custom lead fields in order, archived ones included" })
  @ApiOkResponse({ type: [LeadFieldDefinitionResponse] })
  @ApiErrorResponses(401, 403)
  list(@CurrentPrincipal() principal: Principal): Promise<LeadFieldDefinitionDto[]> {
    return this.fields.list(principal.organisationId);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Define a custom lead field',
    description:
      'Choice and multi_choice fields need two or more options with distinct keys and labels; other types take none ' +
      '(400). A key already used in the organisation, archived fields included, is a 409. Audited as lead_field.created.',
  })
  @ApiCreatedResponse({ type: LeadFieldDefinitionResponse })
  @ApiErrorResponses(400, 401, 403, 409)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateLeadFieldBody): Promise<LeadFieldDefinitionDto> {
    return this.fields.create(principal, body);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({
    summary: "Change a field's label, options, order, or archive it",
    description:
      'The key never changes. Once a lead holds a value, the type cannot change and options a lead holds cannot be ' +
      'removed (409; rename their labels instead). Audited with before and after.',
  })
  @ApiOkResponse({ type: LeadFieldDefinitionResponse })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateLeadFieldBody,
  ): Promise<LeadFieldDefinitionDto> {
    return this.fields.update(principal, id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Delete a field no lead holds and no form maps to',
    description: 'A field in use is archived instead (PATCH archived: true); deleting it is a 409 that says so.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.fields.remove(principal, id);
  }
}
