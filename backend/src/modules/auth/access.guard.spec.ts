import { Controller, ExecutionContext, ForbiddenException, Get, UnauthorizedException } from '@nestjs/common';
import { Role } from '@legeai/contracts';
import { PlatformAdmins, Principal, Public, Roles, UserRoles } from '../../common/auth';
import type { ApiKeyAuthenticator } from '../api-keys';
import { AccessGuard } from './access.guard';
import type { AccessTokenService } from './access-token.service';

@Controller()
class Routes {
  @Get() @Public() open() {}
  @Get() @Roles(Role.Viewer) anyone() {}
  @Get() @Roles(Role.Manager) managers() {}
  @Get() @UserRoles(Role.Admin) adminConsole() {}
  @Get() @PlatformAdmins() platform() {}
  @Get() undeclared() {}
}

@Controller()
@Roles(Role.Admin)
class AdminRoutes {
  @Get() inherited() {}
}

const user = (role: Role): Principal => ({ kind: 'user', id: 'u', organisationId: 'o', role, sessionId: 's' });
const key = (role: Role): Principal => ({ kind: 'api_key', id: 'k', organisationId: 'o', role });

describe(AccessGuard.name, () => {
  let bearerPrincipal: Principal | null;
  let keyPrincipal: Principal | null;
  let sut: AccessGuard;

  beforeEach(() => {
    bearerPrincipal = null;
    keyPrincipal = null;
    const tokens = { authenticate: async () => bearerPrincipal } as unknown as AccessTokenService;
    const keys = { authenticate: async () => keyPrincipal } as unknown as ApiKeyAuthenticator;
    sut = new AccessGuard(tokens, keys);
  });

  function contextFor(cls: abstract new (...args: never[]) => unknown, handler: string, headers: Record<string, string> = {}) {
    const request: Record<string, unknown> = { headers, ip: '127.0.0.1' };
    const ctx = {
      getType: () => 'http',
      getHandler: () => (cls.prototype as Record<string, unknown>)[handler],
      getClass: () => cls,
      switchToHttp: () => ({ getRequest: () => request }),
    } as unknown as ExecutionContext;
    return { ctx, request };
  }

  it('lets anyone through a @Public() route without credentials', async () => {
    await expect(sut.canActivate(contextFor(Routes, 'open').ctx)).resolves.toBe(true);
  });

  it('lets only platform administrators through a @PlatformAdmins() route, whatever their role; never an API key', async () => {
    const call = () => sut.canActivate(contextFor(Routes, 'platform', { authorization: 'Bearer t' }).ctx);
    bearerPrincipal = { ...user(Role.Viewer), platformAdmin: true };
    await expect(call()).resolves.toBe(true);
    bearerPrincipal = user(Role.Admin);
    await expect(call()).rejects.toThrow('platform administrators');
    keyPrincipal = { ...key(Role.Admin), platformAdmin: true };
    await expect(sut.canActivate(contextFor(Routes, 'platform', { 'x-api-key': 'k' }).ctx)).rejects.toBeInstanceOf(ForbiddenException);
  });

  it('refuses a route that declares no rule, even to an admin', async () => {
    bearerPrincipal = user(Role.Admin);
    const { ctx } = contextFor(Routes, 'undeclared', { authorization: 'Bearer t' });
    await expect(sut.canActivate(ctx)).rejects.toBeInstanceOf(ForbiddenException);
  });

  it('asks for credentials on a @Roles route when none are sent', async () => {
    await expect(sut.canActivate(contextFor(Routes, 'anyone').ctx)).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it('refuses an access token that does not authenticate', async () => {
    const { ctx } = contextFor(Routes, 'anyone', { authorization: 'Bearer stale' });
    await expect(sut.canActivate(ctx)).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it('refuses a malformed Authorization header instead of falling back to the API key', async () => {
    keyPrincipal = key(Role.Admin);
    const { ctx } = contextFor(Routes, 'anyone', { authorization: 'Basic abc', 'x-api-key': 'lgk_x' });
    await expect(sut.canActivate(ctx)).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it('attaches the principal for the handler', async () => {
    bearerPrincipal = user(Role.Viewer);
    const { ctx, request } = contextFor(Routes, 'anyone', { authorization: 'Bearer t' });
    await expect(sut.canActivate(ctx)).resolves.toBe(true);
    expect(request.principal).toEqual(user(Role.Viewer));
  });

  it.each([
    [Role.Viewer, false],
    [Role.Manager, true],
    [Role.Admin, true],
  ])('ranks roles: %s on a manager route → allowed=%s', async (role, allowed) => {
    bearerPrincipal = user(role);
    const run = sut.canActivate(contextFor(Routes, 'managers', { authorization: 'Bearer t' }).ctx);
    if (allowed) await expect(run).resolves.toBe(true);
    else await expect(run).rejects.toBeInstanceOf(ForbiddenException);
  });

  it('accepts an API key with a sufficient role', async () => {
    keyPrincipal = key(Role.Manager);
    await expect(sut.canActivate(contextFor(Routes, 'managers', { 'x-api-key': 'lgk_x' }).ctx)).resolves.toBe(true);
  });

  it('refuses an unknown or revoked API key', async () => {
    const { ctx } = contextFor(Routes, 'anyone', { 'x-api-key': 'lgk_x' });
    await expect(sut.canActivate(ctx)).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it('refuses an admin API key on a @UserRoles route', async () => {
    keyPrincipal = key(Role.Admin);
    const { ctx } = contextFor(Routes, 'adminConsole', { 'x-api-key': 'lgk_x' });
    await expect(sut.canActivate(ctx)).rejects.toBeInstanceOf(ForbiddenException);
  });

  it('applies a rule declared on the controller class', async () => {
    bearerPrincipal = user(Role.Manager);
    const { ctx } = contextFor(AdminRoutes, 'inherited', { authorization: 'Bearer t' });
    await expect(sut.canActivate(ctx)).rejects.toBeInstanceOf(ForbiddenException);
  });
});
