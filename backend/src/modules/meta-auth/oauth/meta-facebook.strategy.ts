import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { Profile, Strategy } from 'passport-facebook';
import { META_REQUIRED_SCOPES } from '@legeai/contracts';
import { metaConfig } from '../../../config/meta.config';
import { OAUTH_BINDING_KEY, OAuthStateStore } from './oauth-state.store';
import { OAuthStateBinding, OAuthStateService } from './oauth-state.service';

export const META_STRATEGY = 'meta-facebook';

/** What a successful code exchange hands to the connect service. */
export interface MetaGrant {
  shortLivedToken: string;
  metaUser: { id: string; name: string | null };
  binding: OAuthStateBinding;
}

/**
 * Facebook Login through passport-facebook, with every URL and the Graph version taken from config so the
 * sandbox or real Meta can stand behind it. `enableProof` adds appsecret_proof to the profile call (apps with
 * "Require App Secret" refuse calls without it).
 */
@Injectable()
export class MetaFacebookStrategy extends PassportStrategy(Strategy, META_STRATEGY) {
  /** The dialog's permissions: none with a Login for Business configuration, which names them itself. */
  private readonly scopes: string[];
  private readonly loginConfigId: string | null;

  constructor(@Inject(metaConfig.KEY) meta: ConfigType<typeof metaConfig>, states: OAuthStateService) {
    super({
      clientID: meta.appId,
      clientSecret: meta.appSecret,
      // Absent without PUBLIC_URL: every authenticate() call then passes the request's own (ConnectAddresses).
      callbackURL: meta.redirectUri ?? undefined,
      authorizationURL: `${meta.dialogUrl}/${meta.apiVersion}/dialog/oauth`,
      tokenURL: `${meta.graphUrl}/${meta.apiVersion}/oauth/access_token`,
      profileURL: `${meta.graphUrl}/${meta.apiVersion}/me`,
      graphAPIVersion: meta.apiVersion,
      enableProof: true,
      profileFields: ['id', 'displayName'],
      scope: meta.loginConfigId ? undefined : [...META_REQUIRED_SCOPES],
      store: new OAuthStateStore(states),
      passReqToCallback: true,
    } as unknown as ConstructorParameters<typeof Strategy>[0]);
    this.loginConfigId = meta.loginConfigId;
    this.scopes = meta.loginConfigId ? [] : [...META_REQUIRED_SCOPES];
  }

  /**
   * passport-oauth2 adds these to the dialog URL. With a Login for Business configuration: `config_id` instead of a
   * scope list, and `override_default_response_type=true` beside passport's `response_type=code`, which a configuration
   * issuing system user tokens requires and a user-token one accepts, so the callback is the same code exchange for both
   * (https://developers.facebook.com/docs/facebook-login/facebook-login-for-business#invoke-a-login-dialog).
   */
  override authorizationParams(options: object): object {
    const base = super.authorizationParams(options);
    if (!this.loginConfigId) return base;
    return { ...base, config_id: this.loginConfigId, override_default_response_type: 'true' };
  }

  validate(req: Record<string, unknown>, accessToken: string, _refreshToken: string, profile: Profile): MetaGrant {
    return {
      shortLivedToken: accessToken,
      metaUser: { id: profile.id, name: profile.displayName || null },
      binding: req[OAUTH_BINDING_KEY] as OAuthStateBinding,
    };
  }

  /**
   * The dialog URL for a state issued by us, built by passport-facebook itself (client id, redirect URI, scope or
   * configuration, response type), without sending a redirect: the console opens it.
   */
  authorizationUrl(state: string, callbackURL: string): string {
    let location: string | undefined;
    const probe = Object.create(this) as this & { redirect(url: string): void; error(err: Error): void };
    probe.redirect = (url: string) => (location = url);
    probe.error = (err: Error) => {
      throw err;
    };
    probe.authenticate({ query: {}, body: {}, headers: {} } as never, {
      state,
      ...(this.scopes.length ? { scope: this.scopes } : {}),
      callbackURL,
    });
    if (!location) throw new Error('passport-facebook did not produce an authorization URL');
    return location;
  }
}
