import { Body, Controller, Get, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MetaAdAccountDto, MetaLeadFormDto, MetaPageDto, Role, ROUTES } from '@legeai/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../common/swagger/api-error-responses.decorator';
import { MetaAdAccountResponse, MetaLeadFormResponse, MetaPageResponse } from './dto/meta-asset-responses.dto';
import { UpdateLeadFormDto } from './dto/update-lead-form.dto';
import { MetaAssetListsService } from './meta-asset-lists.service';

const R = ROUTES.metaIntegration;

/** What the organisation's Meta connection reaches (ad accounts, Pages, lead forms): viewers read it, admins change it. */
@ApiTags('meta-integration')
@Controller(R.base)
export class MetaAssetsController {
  constructor(private readonly assets: MetaAssetListsService) {}

  @Get(R.adAccounts)
  @Roles(Role.Viewer)
  @ApiOperation({ summary: 'Ad accounts the connection reaches (inactive ones are no longer reachable)' })
  @ApiOkResponse({ type: [MetaAdAccountResponse] })
  @ApiErrorResponses(401, 403)
  adAccounts(@CurrentPrincipal() principal: Principal): Promise<MetaAdAccountDto[]> {
    return this.assets.listAdAccounts(principal.organisationId);
  }

  @Get(R.pages)
  @Roles(Role.Viewer)
  @ApiOperation({ summary: 'Pages the connection reaches, with their leadgen webhook subscription state' })
  @ApiOkResponse({ type: [MetaPageResponse] })
  @ApiErrorResponses(401, 403)
  pages(@CurrentPrincipal() principal: Principal): Promise<MetaPageDto[]> {
    return this.assets.listPages(principal.organisationId);
  }

  @Get(R.leadForms)
  @Roles(Role.Viewer)
  @ApiOperation({ summary: 'Lead forms of the connected pages' })
  @ApiOkResponse({ type: [MetaLeadFormResponse] })
  @ApiErrorResponses(401, 403)
  leadForms(@CurrentPrincipal() principal: Principal): Promise<MetaLeadFormDto[]> {
    return this.assets.listLeadForms(principal.organisationId);
  }

  @Patch(`${R.leadForms}/:id`)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Turn automatic lead sync of a form on or off' })
  @ApiOkResponse({ type: MetaLeadFormResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  updateLeadForm(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateLeadFormDto,
  ): Promise<MetaLeadFormDto> {
    return this.assets.updateLeadForm(principal, id, body);
  }
}
