import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { MetaAuthUrlResponse, MetaConnectResult, MetaIntegrationStatus } from '@legeai/contracts';
import { Principal } from '../../../common/auth/principal';
import { metaConfig } from '../../../config/meta.config';
import type { OriginRequest } from '../../../common/http/request-origin';
import { MetaGraphError } from '../../../infra/meta-graph';
import { AuditService } from '../../audit';
import { DebugTokenData, MetaAccountApi } from '../connection/meta-account.api';
import { MetaIntegrationRepository } from '../connection/meta-integration.repository';
import { requiredScopes } from '../connection/scope-diff';
import { tokenFacts } from '../connection/token-facts';
import { MetaIntegration } from '../entities/meta-integration.entity';
import { ConnectionLifecycle } from '../lifecycle/connection-lifecycle';
import { MetaTokenVault } from '../token-vault/meta-token-vault.service';
import { ConnectAddresses } from './connect-addresses';
import { consoleRedirect } from './connect-redirect';
import { MetaFacebookStrategy, MetaGrant } from './meta-facebook.strategy';
import type { CallbackOutcome } from './meta-oauth-callback.guard';
import { PAGES_CONNECTED_ELSEWHERE } from '../lifecycle/connection-participant';
import { OAuthStateService } from './oauth-state.service';

/**
 * "Connect Meta": hands out the dialog URL with a state bound to the admin, and turns Meta's redirect into a
 * stored, working connection: long-lived token, debug_token facts, encrypted storage, then the connection's
 * participants in order (ConnectionLifecycle: asset discovery and webhook subscriptions, a health check so the
 * console shows a filled-in card at once, the leads parked while the token was dead replayed).
 */
@Injectable()
export class MetaConnectService {
  private readonly logger = new Logger(MetaConnectService.name);

  constructor(
    private readonly strategy: MetaFacebookStrategy,
    private readonly states: OAuthStateService,
    private readonly integrations: MetaIntegrationRepository,
    private readonly api: MetaAccountApi,
    private readonly vault: MetaTokenVault,
    private readonly lifecycle: ConnectionLifecycle,
    private readonly audit: AuditService,
    private readonly addresses: ConnectAddresses,
    @Inject(metaConfig.KEY) private readonly meta: ConfigType<typeof metaConfig>,
  ) {}

  /** `req`: the console's request, whose address the round trip returns to when PUBLIC_URL is unset. */
  async authorizationUrl(principal: Principal, req: OriginRequest): Promise<MetaAuthUrlResponse> {
    const { state, expiresIn } = await this.states.issue({ organisationId: principal.organisationId, userId: principal.id });
    await this.audit.recordBy(principal, 'meta.connect_started');
    const location = this.strategy.authorizationUrl(state, this.addresses.callbackUrl(req));
    return {
      url: this.addresses.dialogUrl(location, req),
      expiresIn,
      scopes: [...requiredScopes(this.meta.loginConfigId)],
      loginConfigId: this.meta.loginConfigId,
    };
  }

  /**
   * Where to send the browser after Meta's redirect (`req`, the redirect, arrived at the console's address); never
   * throws, every failure is explained on the console.
   */
  async complete(outcome: CallbackOutcome, req: OriginRequest): Promise<string> {
    const redirect = (result: MetaConnectResult, missing: readonly string[] = [], elsewhere = 0) =>
      consoleRedirect(this.addresses.consoleOrigin(req), result, missing, elsewhere);
    switch (outcome.kind) {
      case 'invalid_state':
        this.logger.warn({ msg: 'Meta callback with an unusable state', problem: outcome.problem });
        return redirect(MetaConnectResult.InvalidState);
      case 'denied': {
        const consumed = await this.states.consume(outcome.state);
        if (!consumed.ok) return redirect(MetaConnectResult.InvalidState);
        await this.audit.record({
          organisationId: consumed.binding.organisationId,
          actorType: 'user',
          actorId: consumed.binding.userId,
          action: 'meta.connect_denied',
          details: { reason: outcome.reason ?? 'user_denied' },
        });
        return redirect(MetaConnectResult.Denied);
      }
      case 'failed':
        this.logger.warn({ msg: 'Meta login failed', error: describe(outcome.error) });
        return redirect(MetaConnectResult.Failed);
      case 'granted':
        try {
          const { missing, elsewhere } = await this.connect(outcome.grant);
          return redirect(missing.length ? MetaConnectResult.MissingPermissions : MetaConnectResult.Connected, missing, elsewhere);
        } catch (error) {
          this.logger.warn({ msg: 'Connecting the Meta account failed', error: describe(error) });
          await this.audit
            .record({
              organisationId: outcome.grant.binding.organisationId,
              actorType: 'user',
              actorId: outcome.grant.binding.userId,
              action: 'meta.connect_failed',
              details: { error: describe(error) },
            })
            .catch(() => undefined);
          return redirect(MetaConnectResult.Failed);
        }
    }
  }

  /** Stores the connection; returns the scopes the person declined and how many Pages another organisation holds. */
  private async connect(grant: MetaGrant): Promise<{ missing: readonly string[]; elsewhere: number }> {
    const { organisationId, userId } = grant.binding;
    const { token, debug, expiresIn } = await this.keepableToken(grant.shortLivedToken);
    if (!debug.is_valid) throw new Error(`Meta reports the new token as invalid: ${debug.error?.message ?? 'no reason given'}`);
    const facts = tokenFacts(debug, requiredScopes(this.meta.loginConfigId));
    const business = debug.type === 'SYSTEM_USER' ? await this.api.systemUserBusiness(token) : null;

    const existing = await this.integrations.findLive(organisationId);
    const before = existing ? { status: existing.status, metaUserId: existing.metaUserId, scopes: existing.scopes } : null;
    const integration = existing ?? this.integrations.rows.create({ organisationId });
    const sealed = this.vault.seal(organisationId, token);
    Object.assign(integration, {
      connectedByUserId: userId,
      metaUserId: debug.user_id ?? grant.metaUser.id,
      metaUserName: grant.metaUser.name,
      accessTokenCiphertext: sealed.ciphertext,
      accessTokenKeyId: sealed.keyId,
      tokenType: debug.type ?? null,
      metaBusinessId: business?.id ?? null,
      metaBusinessName: business?.name ?? null,
      ...facts,
      tokenExpiresAt: facts.tokenExpiresAt ?? (expiresIn ? new Date(Date.now() + expiresIn * 1000) : null),
      status: MetaIntegrationStatus.Active,
      statusReason: null,
      connectedAt: new Date(),
      disconnectedAt: null,
    } satisfies Partial<MetaIntegration>);
    const saved = await this.integrations.rows.save(integration);

    const done = await this.lifecycle.connected({ integration: saved, userToken: token, reconnected: !!existing });

    await this.audit.record({
      organisationId,
      actorType: 'user',
      actorId: userId,
      action: existing ? 'meta.reconnected' : 'meta.connected',
      targetType: 'meta_integration',
      targetId: saved.id,
      details: {
        metaUserId: saved.metaUserId,
        grantedScopes: facts.scopes,
        missingScopes: facts.declinedScopes,
        ...done,
        before,
        after: { status: saved.status, metaUserId: saved.metaUserId, scopes: saved.scopes },
      },
    });
    const elsewhere = done[PAGES_CONNECTED_ELSEWHERE];
    return { missing: facts.declinedScopes, elsewhere: Array.isArray(elsewhere) ? elsewhere.length : 0 };
  }

  /**
   * The token to store. A person's token from the dialog lives hours and is exchanged for a long-lived one (about 60
   * days, https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived). A business
   * integration system user token from a Login for Business configuration is kept as it came: Meta exchanges only
   * user tokens, and the configuration decides its lifetime (it may never expire).
   */
  private async keepableToken(dialogToken: string): Promise<{ token: string; debug: DebugTokenData; expiresIn?: number }> {
    if (this.meta.loginConfigId) {
      const debug = await this.api.debugToken(dialogToken);
      if (debug.type === 'SYSTEM_USER') return { token: dialogToken, debug };
    }
    const longLived = await this.api.exchangeForLongLived(dialogToken);
    return { token: longLived.access_token, debug: await this.api.debugToken(longLived.access_token), expiresIn: longLived.expires_in };
  }
}

/** A short, token-free description for logs and the audit trail. */
function describe(error: unknown): string {
  if (error instanceof MetaGraphError) return `${error.kind}${error.code ? ` (${error.code})` : ''}: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return 'unknown error';
}
