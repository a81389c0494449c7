import type { MetaConnectionStatus, MetaHealthCheck } from '@legeai/contracts';
import type { EntityManager } from 'typeorm';
import type { MetaIntegration } from '../entities/meta-integration.entity';
import type { HealthRun } from './health-run';

/** What a step adds to the audit entry of the action it took part in (connect, refresh, disconnect). */
export type AuditDetails = Record<string, unknown>;

/** A connection whose user token Meta accepts, with the token opened for the step's Graph calls. */
export interface LiveConnection {
  integration: MetaIntegration;
  userToken: string;
}

/** The fields of the status answer that other modules fill in; the connection's own fields are meta-auth's. */
export type ConnectionStatusFacts = Partial<Pick<MetaConnectionStatus, 'counts' | 'lastWebhookAt'>>;

/** The connection whose tokens are being wiped, and whether it is disconnected (rather than waiting for a reconnect). */
export interface TokenWipe {
  organisationId: string;
  integrationId: string;
  disconnected: boolean;
}

/**
 * A module taking part in the life of a Meta connection. meta-auth owns the connection and never imports the
 * modules built on it: they join its `ConnectionLifecycle` with the steps they need, and meta-auth runs every
 * participant's step of an event in `order` (see CONNECTION_ORDER), so the sequence of a connect stays one sequence
 * whoever adds to it. Every method is optional; a step that throws fails the action, as the step did when it was
 * written inline.
 */
export interface ConnectionParticipant {
  /** For logs and for the error when two participants take the same place. */
  readonly name: string;
  /** Where this participant's steps and health checks run among the others' (CONNECTION_ORDER). */
  readonly order: number;

  /** After Meta's OAuth callback stored the connection (new or reconnected). */
  connected?(connection: LiveConnection & { reconnected: boolean }): Promise<AuditDetails | void>;
  /** The admin's refresh: find again what the connection reaches. */
  refresh?(connection: LiveConnection): Promise<AuditDetails | void>;
  /** Before the app's permissions are revoked at Meta on a disconnect (Meta refuses the page calls afterwards). */
  disconnecting?(integration: MetaIntegration): Promise<AuditDetails | void>;
  /** In the transaction that wipes the connection's tokens (disconnect, deauthorize, data deletion). */
  tokensWiped?(wipe: TokenWipe, tx: EntityManager): Promise<void>;
  /**
   * An SQL condition, true while this participant still stores the token (a ciphertext, parameter `ciphertextParam`)
   * for the connection row `integrationAlias` of `meta_integrations`: marking the connection reauth_required for a
   * failed token is a no-op once a reconnect replaced it. The participant's table stays its own (the condition's text
   * is its repository's).
   */
  storesTokenSql?(integrationAlias: string, ciphertextParam: string): string;

  /**
   * Checks added to the health card of a connection whose token Meta accepts; may call Meta (an `auth` error moves
   * the connection to reauth_required, as Meta refusing the token does anywhere in the check).
   */
  healthChecks?(integration: MetaIntegration, run: HealthRun): Promise<MetaHealthCheck[]>;
  /** Checks still shown when the token is dead (nothing may call Meta then). */
  healthChecksWithoutToken?(run: HealthRun): Promise<MetaHealthCheck[]>;
  /** Fields of the status answer of a live connection. */
  status?(integration: MetaIntegration): Promise<ConnectionStatusFacts>;
}

/**
 * The places of the participants. The connect callback runs, in this order: discovery and webhook subscriptions
 * (meta-assets), the health check (meta-auth's own, so the console shows a filled-in card at once), then the work that
 * waited for a working connection (meta-leads: leads parked while the token was dead are replayed), then the mirror
 * of the ad accounts' campaigns (meta-ads queues a sync of each). The health card
 * lists the token's checks, then the participants' checks in this order (page and app subscriptions and lead forms,
 * then the last webhook), then the Graph API version.
 */
export const CONNECTION_ORDER = {
  /** What the connection reaches: ad accounts, Pages, lead forms, webhook subscriptions. */
  assets: 100,
  /** Webhook deliveries: when the last one came. */
  deliveries: 200,
  /** meta-auth's health check after a connect. */
  healthCheck: 300,
  /** What resumes once the connection works again. */
  resume: 400,
  /** The ad accounts' campaigns mirrored (meta-ads queues a sync of each account). */
  adsMirror: 500,
  /** Ad performance: a backfill of each ad account never pulled, a lookback re-read of the others (meta-insights). */
  insightsBackfill: 600,
} as const;

/**
 * The audit detail in which a participant names the Pages another organisation has connected (a Page is connected by
 * one organisation at a time); a refresh that finds some answers 409 with their names, after doing the rest.
 */
export const PAGES_CONNECTED_ELSEWHERE = 'pagesConnectedElsewhere';
