import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganisationDto, Role, ROUTES } from '@legeai/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../common/swagger/api-error-responses.decorator';
import { OrganisationResponse } from './dto/organisation.response';
import { UpdateOrganisationDto } from './dto/update-organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisation')
@Controller(ROUTES.organisation)
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @Roles(Role.Viewer)
  @ApiOperation({ summary: 'The organisation of the caller' })
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiErrorResponses(401, 403)
  get(@CurrentPrincipal() principal: Principal): Promise<OrganisationDto> {
    return this.organisations.get(principal);
  }

  @Patch()
  @Roles(Role.Admin)
  @ApiOperation({
    summary: "Change the organisation's settings",
    description:
      "defaultCurrency: the ISO 4217 code premiums are recorded in when no ad account of the lead's Page " +
      'says otherwise (null unsets it). Audited as organisation.updated with before and after.',
  })
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiErrorResponses(400, 401, 403)
  update(@CurrentPrincipal() principal: Principal, @Body() body: UpdateOrganisationDto): Promise<OrganisationDto> {
    return this.organisations.update(principal, body);
  }
}
