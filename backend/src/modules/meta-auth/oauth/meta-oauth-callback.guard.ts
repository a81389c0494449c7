import { createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { OriginRequest } from '../../../common/http/request-origin';
import { ConnectAddresses } from './connect-addresses';
import { META_STRATEGY, MetaGrant } from './meta-facebook.strategy';
import type { StateFailureInfo } from './oauth-state.store';
import type { OAuthStateProblem } from './oauth-state.rules';

/** Everything the callback can end in; the controller turns it into a console redirect, never an error page. */
export type CallbackOutcome =
  | { kind: 'granted'; grant: MetaGrant }
  | { kind: 'denied'; state: unknown; reason?: string }
  | { kind: 'invalid_state'; problem: OAuthStateProblem | 'missing_code' }
  | { kind: 'failed'; error: unknown };

const OUTCOME_KEY = 'metaOAuthOutcome';

type Query = Record<string, unknown>;

/**
 * Runs passport-facebook on Meta's redirect (state check through the store, then the code exchange and
 * profile), and records the outcome instead of throwing, so every failure becomes an explained redirect.
 */
@Injectable()
export class MetaOAuthCallbackGuard extends AuthGuard(META_STRATEGY) {
  constructor(private readonly addresses: ConnectAddresses) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<{ query: Query }>();
    const query = req.query ?? {};
    if (!query['code'] && !query['error'] && !query['error_code']) {
      // Without a code passport would start a new login: refuse instead.
      (req as Record<string, unknown>)[OUTCOME_KEY] = { kind: 'invalid_state', problem: 'missing_code' } satisfies CallbackOutcome;
      return true;
    }
    if (query['error'] === 'access_denied') {
      // passport reports the denial before looking at the state; the connect service checks the state itself.
      (req as Record<string, unknown>)[OUTCOME_KEY] = {
        kind: 'denied',
        state: query['state'],
        reason: typeof query['error_reason'] === 'string' ? query['error_reason'] : undefined,
      } satisfies CallbackOutcome;
      return true;
    }
    return (await super.canActivate(context)) as boolean;
  }

  /** The code exchange sends the redirect URI the dialog was opened with: this request's address. */
  override getAuthenticateOptions(context: ExecutionContext): { session: boolean; property: string; callbackURL: string } {
    const req = context.switchToHttp().getRequest<OriginRequest>();
    return { session: false, property: OUTCOME_KEY, callbackURL: this.addresses.callbackUrl(req) };
  }

  override handleRequest<T = CallbackOutcome>(err: unknown, grant: MetaGrant | false, info: unknown): T {
    if (err) return { kind: 'failed', error: err } as T;
    if (grant) return { kind: 'granted', grant } as T;
    const problem = (info as StateFailureInfo | undefined)?.stateProblem;
    if (problem) return { kind: 'invalid_state', problem } as T;
    return { kind: 'failed', error: new Error('Meta login did not complete') } as T;
  }
}

/** The outcome the guard recorded. */
export const OAuthCallbackOutcome = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): CallbackOutcome => ctx.switchToHttp().getRequest<Record<string, CallbackOutcome>>()[OUTCOME_KEY],
);
