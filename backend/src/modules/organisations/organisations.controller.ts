import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganisationDto, Role, ROUTES } from '@legeai/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../common/swagger/api-error-responses.decorator';
import { OrganisationResponse } from './dto/organisation.response';
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
}
