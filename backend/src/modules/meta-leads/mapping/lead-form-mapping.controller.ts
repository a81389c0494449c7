import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LeadFormMappingDto, MappingPreviewDto, Role, ROUTES } from '@legeai/contracts';
import { CurrentPrincipal } from '../../../common/auth/current-principal.decorator';
import { Principal } from '../../../common/auth/principal';
import { Roles } from '../../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../../common/swagger/api-error-responses.decorator';
import { LeadFormMappingBody, LeadFormMappingResponse, MappingPreviewBody, MappingPreviewResponse } from './dto/lead-form-mapping.dto';
import { LeadFormMappingService } from './lead-form-mapping.service';

const R = ROUTES.metaIntegration;

/** A lead form's mapping of questions to lead fields: viewers read and preview it, admins change it. */
@ApiTags('meta-integration')
@Controller(`${R.base}/${R.leadForms}/:id`)
export class LeadFormMappingController {
  constructor(private readonly mappings: LeadFormMappingService) {}

  @Get(R.leadFormMapping)
  @Roles(Role.Viewer)
  @ApiOperation({ summary: "The form's mapping in force, its questions and the ones not mapped" })
  @ApiOkResponse({ type: LeadFormMappingResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<LeadFormMappingDto> {
    return this.mappings.get(principal.organisationId, id);
  }

  @Put(R.leadFormMapping)
  @Roles(Role.Admin)
  @ApiOperation({ summary: "Replace the form's mapping; applies to leads received from now on" })
  @ApiOkResponse({ type: LeadFormMappingResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: LeadFormMappingBody,
  ): Promise<LeadFormMappingDto> {
    return this.mappings.update(principal, id, body);
  }

  @Post(R.leadFormMappingPreview)
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Viewer)
  @ApiOperation({ summary: "Try a mapping on the form's most recent lead (or on example answers); stores nothing" })
  @ApiOkResponse({ type: MappingPreviewResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  preview(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: MappingPreviewBody,
  ): Promise<MappingPreviewDto> {
    return this.mappings.preview(principal.organisationId, id, body.mapping);
  }
}
