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
      scope: [...META_REQUIRED_SCOPES],
      store: new OAuthStateStore(states),
      passReqToCallback: true,
    } as unknown as ConstructorParameters<typeof Strategy>[0]);
  }

  validate(req: Record<string, unknown>, accessToken: string, _refreshToken: string, profile: Profile): MetaGrant {
    return {
      shortLivedToken: accessToken,
      metaUser: { id: profile.id, name: profile.displayName || null },
      binding: req[OAUTH_BINDING_KEY] as OAuthStateBinding,
    };
  }

  /**
   * The dialog URL for a state issued by us, built by passport-facebook itself (client id, redirect URI, scope,
   * response type), without sending a redirect: the console opens it.
   */
  authorizationUrl(state: string, callbackURL: string): string {
    let location: string | undefined;
    const probe = Object.create(this) as this & { redirect(url: string): void; error(err: Error): void };
    probe.redirect = (url: string) => (location = url);
    probe.error = (err: Error) => {
      throw err;
    };
    probe.authenticate({ query: {}, body: {}, headers: {} } as never, { state, scope: [...META_REQUIRED_SCOPES], callbackURL });
    if (!location) throw new Error('passport-facebook did not produce an authorization URL');
    return location;
  }
}
