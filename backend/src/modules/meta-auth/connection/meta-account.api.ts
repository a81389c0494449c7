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

  /**
   * The business a business integration system user token belongs to: `/me` of a system user names the business that
   * installed the app (`client_business_id`), and `/{business-id}` its name
   * (https://developers.facebook.com/docs/facebook-login/facebook-login-for-business).
   */
  async systemUserBusiness(token: string): Promise<{ id: string; name: string | null } | null> {
    const me = await this.graph.get<{ id: string; client_business_id?: string }>(
      'me',
      { fields: 'id,client_business_id' },
      { accessToken: token },
    );
    if (!me.client_business_id) return null;
    const business = await this.graph.get<{ id: string; name?: string }>(
      me.client_business_id,
      { fields: 'id,name' },
      { accessToken: token, businessId: me.client_business_id },
    );
    return { id: business.id, name: business.name ?? null };
  }

  /**
   * `/me/permissions`: each permission the person was asked for, granted or declined. A permission the product needs
   * that is in neither list was never offered: Meta leaves out of the dialog what the app lacks Advanced Access for
   * (https://developers.facebook.com/docs/graph-api/overview/access-levels).
   */
  async permissionStatuses(token: string): Promise<Map<string, string>> {
    const answer = await this.graph.get<{ data: { permission: string; status: string }[] }>('me/permissions', {}, { accessToken: token });
    return new Map(answer.data.map((entry) => [entry.permission, entry.status]));
  }

  /** Removes the app from the user's account: every permission and token of this app dies. */
  revokePermissions(token: string): Promise<unknown> {
    return this.graph.delete('me/permissions', {}, { accessToken: token });
  }
}
