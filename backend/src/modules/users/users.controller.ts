import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, ROUTES, UserDto } from '@legeai/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { UserRoles } from '../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../common/swagger/api-error-responses.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserResponse } from './dto/user.response';
import { UsersService } from './users.service';

/** Admins manage their organisation's console users. API keys are refused: a leaked key must not mint logins. */
@ApiTags('users')
@Controller(ROUTES.users)
@UserRoles(Role.Admin)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: "List the organisation's users" })
  @ApiOkResponse({ type: [UserResponse] })
  @ApiErrorResponses(401, 403)
  list(@CurrentPrincipal() principal: Principal): Promise<UserDto[]> {
    return this.users.list(principal);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user (password at least 12 characters)' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiErrorResponses(400, 401, 403, 409)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(principal, body);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename, change role, or (de)activate a user',
    description: 'You cannot demote or deactivate yourself, nor the last active admin (409). Deactivating ends sessions.',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    return this.users.update(principal, id, body);
  }
}
