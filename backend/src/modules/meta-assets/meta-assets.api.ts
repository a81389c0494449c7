import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { metaConfig } from '../../config/meta.config';
import { MetaGraphClient, type GraphCallContext } from '../../infra/meta-graph';
import { LEGAL_CONTENT_FIELDS, type GraphLegalContentFields } from './lead-form-legal-content';

export interface GraphAdAccount {
  id: string;
  account_id?: string;
  name?: string;
  currency?: string;
  timezone_name?: string;
  account_status?: number;
  business?: { id: string; name?: string };
}

export interface GraphPageAccount {
  id: string;
  name?: string;
  access_token?: string;
  category?: string;
  tasks?: string[];
  followers_count?: number;
  business?: { id: string };
}

export interface GraphLeadForm extends GraphLegalContentFields {
  id: string;
  name?: string;
  status?: string;
  locale?: string;
  leads_count?: number;
  created_time?: string;
  questions?: unknown[];
}

/** `has_lead_access` of a Page (https://developers.facebook.com/docs/graph-api/reference/has-lead-access/). */
export interface GraphLeadAccess {
  can_access_lead?: boolean;
  app_has_leads_permission?: boolean;
  user_has_leads_permission?: boolean;
  enabled_lead_access_manager?: boolean;
  failure_reason?: string;
  failure_resolution?: string;
}

export interface GraphAppSubscription {
  object: string;
  callback_url: string;
  active: boolean;
  fields: { name: string; version?: string }[] | string[];
}

const AD_ACCOUNT_FIELDS = 'id,account_id,name,currency,timezone_name,account_status,business{id,name}';
// The Page's business tells which ad accounts (and so which currency) go with its leads.
const PAGE_FIELDS = 'id,name,access_token,category,tasks,followers_count,business{id}';
const FORM_FIELDS = `id,name,status,locale,leads_count,created_time,questions,${LEGAL_CONTENT_FIELDS}`;

/**
 * The Graph calls about what a connection reaches (ad accounts, Pages, lead forms) and the webhook subscriptions,
 * typed, all through the one Graph client (which adds appsecret_proof, timeouts, retries and pacing, and keeps
 * tokens out of logged URLs).
 */
@Injectable()
export class MetaAssetsApi {
  constructor(
    private readonly graph: MetaGraphClient,
    @Inject(metaConfig.KEY) private readonly meta: ConfigType<typeof metaConfig>,
  ) {}

  /** `{app-id}|{app-secret}`: the app token Meta accepts for app subscriptions. */
  private get app(): GraphCallContext {
    return { accessToken: `${this.meta.appId}|${this.meta.appSecret}` };
  }

  async adAccounts(token: string): Promise<GraphAdAccount[]> {
    return collect(this.graph.paginate<GraphAdAccount>('me/adaccounts', { fields: AD_ACCOUNT_FIELDS, limit: 100 }, { accessToken: token }));
  }

  async pages(token: string): Promise<GraphPageAccount[]> {
    return collect(this.graph.paginate<GraphPageAccount>('me/accounts', { fields: PAGE_FIELDS, limit: 100 }, { accessToken: token }));
  }

  async leadForms(pageId: string, pageToken: string): Promise<GraphLeadForm[]> {
    return collect(
      this.graph.paginate<GraphLeadForm>(
        `${pageId}/leadgen_forms`,
        { fields: FORM_FIELDS, limit: 100 },
        { accessToken: pageToken, businessId: pageId },
      ),
    );
  }

  /** Whether this app and the person behind the Page token may read the Page's leads, and if not, Meta's why. */
  async leadAccess(pageId: string, pageToken: string): Promise<GraphLeadAccess | null> {
    const answer = await this.graph.get<{ id: string; has_lead_access?: GraphLeadAccess }>(
      pageId,
      { fields: 'has_lead_access' },
      { accessToken: pageToken, businessId: pageId },
    );
    return answer.has_lead_access ?? null;
  }

  /**
   * How many of a form's leads the app can list (ids only), counting at most `cap`: Meta's `leads_count` counts leads
   * the app may not read, its lists leave them out.
   */
  async readableLeadCount(formId: string, pageToken: string, pageId: string, cap: number): Promise<number> {
    let count = 0;
    for await (const _lead of this.graph.paginate<{ id: string }>(
      `${formId}/leads`,
      { fields: 'id', limit: 500 },
      { accessToken: pageToken, businessId: pageId },
    )) {
      if (++count >= cap) break;
    }
    return count;
  }

  /** Installs our app on the page for `leadgen` (needs the page token and pages_manage_metadata). */
  subscribePage(pageId: string, pageToken: string): Promise<unknown> {
    return this.graph.post(
      `${pageId}/subscribed_apps`,
      { subscribed_fields: 'leadgen' },
      { accessToken: pageToken, businessId: pageId, idempotent: true },
    );
  }

  async pageSubscribedFields(pageId: string, pageToken: string): Promise<string[]> {
    const answer = await this.graph.get<{ data: { id: string; subscribed_fields?: string[] }[] }>(
      `${pageId}/subscribed_apps`,
      { fields: 'id,subscribed_fields' },
      { accessToken: pageToken, businessId: pageId },
    );
    return answer.data.find((app) => app.id === this.meta.appId)?.subscribed_fields ?? [];
  }

  unsubscribePage(pageId: string, pageToken: string): Promise<unknown> {
    return this.graph.delete(`${pageId}/subscribed_apps`, {}, { accessToken: pageToken, businessId: pageId });
  }

  /**
   * The people with a role on the app (administrators, developers, testers), by user id
   * (https://developers.facebook.com/docs/graph-api/reference/application/roles/).
   */
  async appRoleUserIds(): Promise<Set<string>> {
    const roles = await collect(
      this.graph.paginate<{ user: string; role?: string }>(`${this.meta.appId}/roles`, { fields: 'user,role' }, this.app),
    );
    return new Set(roles.map((role) => String(role.user)));
  }

  async appSubscriptions(): Promise<GraphAppSubscription[]> {
    const answer = await this.graph.get<{ data: GraphAppSubscription[] }>(`${this.meta.appId}/subscriptions`, {}, this.app);
    return answer.data;
  }

  /** Meta calls the callback with a verification challenge before it accepts the subscription. */
  subscribeApp(callbackUrl: string): Promise<unknown> {
    return this.graph.post(
      `${this.meta.appId}/subscriptions`,
      { object: 'page', callback_url: callbackUrl, fields: 'leadgen', verify_token: this.meta.verifyToken, include_values: true },
      { ...this.app, idempotent: true },
    );
  }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
