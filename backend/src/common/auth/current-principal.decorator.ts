import { createParamDecorator, ExecutionContext, InternalServerErrorException } from '@nestjs/common';
import { Principal, PRINCIPAL_REQUEST_KEY } from './principal';

/** The principal the access guard authenticated. Only valid on `@Roles(...)` handlers. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<Record<string, unknown>>();
  const principal = request[PRINCIPAL_REQUEST_KEY] as Principal | undefined;
  // A public handler asking for a principal is a programming error, not a client error.
  if (!principal) throw new InternalServerErrorException('No authenticated principal on this route');
  return principal;
});
