import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { metaConfig } from '../../../config/meta.config';
import { MetaGraphClient, type GraphCallContext } from '../../../infra/meta-graph';

export interface TokenAnswer {
  access_token: string;
  token_type?: string;
  expires_in?: number;
}

export interface DebugTokenData {
  app_id?: string;
  type?: string;
  is_valid: boolean;
  expires_at?: number;
  data_access_expires_at?: number;
  scopes?: string[];
  granular_scopes?: { scope: string; target_ids?: string[] }[];
  user_id?: string;
  error?: { code?: number; message?: string; subcode?: number };
}

/**
 * The Graph calls about the connection's user token (exchange, debug_token, revocation), typed, all through the one
 * Graph client (which adds appsecret_proof, timeouts, retries and pacing, and keeps tokens out of logged URLs).
 */
@Injectable()
export class MetaAccountApi {
  constructor(
    private readonly graph: MetaGraphClient,
    @Inject(metaConfig.KEY) private readonly meta: ConfigType<typeof metaConfig>,
  ) {}

  /** `{app-id}|{app-secret}`: the app token Meta accepts for debug_token. */
  private get app(): GraphCallContext {
    return { accessToken: `${this.meta.appId}|${this.meta.appSecret}` };
  }

  /** Short-lived (hours) user token → long-lived (about 60 days). */
  exchangeForLongLived(shortLivedToken: string): Promise<TokenAnswer> {
    return this.graph.get<TokenAnswer>(
      'oauth/access_token',
      {
        grant_type: 'fb_exchange_token',
        client_id: this.meta.appId,
        client_secret: this.meta.appSecret,
        fb_exchange_token: shortLivedToken,
      },
      { accessToken: '' },
    );
  }

  async debugToken(token: string): Promise<DebugTokenData> {
    const answer = await this.graph.get<{ data: DebugTokenData }>('debug_token', { input_token: token }, this.app);
    return answer.data;
  }

  /** Removes the app from the user's account: every permission and token of this app dies. */
  revokePermissions(token: string): Promise<unknown> {
    return this.graph.delete('me/permissions', {}, { accessToken: token });
  }
}
