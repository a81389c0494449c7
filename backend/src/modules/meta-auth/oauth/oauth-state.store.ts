import type { OAuthStateBinding, OAuthStateService } from './oauth-state.service';
import type { OAuthStateProblem } from './oauth-state.rules';

/** Where the state store leaves the binding of a valid state on the request, for the strategy's validate(). */
export const OAUTH_BINDING_KEY = 'metaOAuthBinding';

export interface StateFailureInfo {
  stateProblem: OAuthStateProblem;
}

type Loaded = (err: Error | null, ok?: boolean, info?: StateFailureInfo) => void;

/**
 * passport-oauth2's state store backed by the database. States are issued by `GET auth/url` (bound to the
 * console user), never by passport itself, so `store` refuses; `verify` consumes the state once.
 */
export class OAuthStateStore {
  constructor(private readonly states: OAuthStateService) {}

  store(_req: unknown, callback: (err: Error | null, state?: string) => void): void {
    callback(new Error('OAuth states are issued by the auth/url endpoint'));
  }

  verify(req: Record<string, unknown>, state: string, callback: Loaded): void {
    this.states.consume(state).then(
      (result) => {
        if (!result.ok) return callback(null, false, { stateProblem: result.problem });
        req[OAUTH_BINDING_KEY] = result.binding satisfies OAuthStateBinding;
        callback(null, true);
      },
      (error: Error) => callback(error),
    );
  }
}
