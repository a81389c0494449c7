import { Injectable } from '@nestjs/common';
import { ErrorCode, MetaIntegrationStatus } from '@legeai/contracts';
import { ApiError } from '../../../common/errors/api-error';
import { MetaGraphError, type GraphCallContext } from '../../../infra/meta-graph';
import { AdAssetsDirectory, type AdAccountRef } from '../../meta-assets';
import { ConnectionBreakers, MetaIntegrationRepository, MetaReauthService, MetaTokenVault, pauseMessage } from '../../meta-auth';
import { adsCallContext, RequestCounter } from '../graph/ads-graph.api';

/** The Graph calls of one write for one ad account: the connection's token, its breaker, a request count. */
export class AdsWriteSession {
  readonly counter = new RequestCounter();

  constructor(
    readonly organisationId: string,
    readonly account: AdAccountRef,
    readonly ctx: GraphCallContext,
    private readonly integrationId: string,
    /** The user token the session calls with (ciphertext): a refusal marks the connection only while it is stored. */
    private readonly tokenCiphertext: string | null,
    private probe: boolean,
    private readonly breakers: ConnectionBreakers,
    private readonly reauth: MetaReauthService,
  ) {}

  /** One call: tells the breaker how Meta answered, and moves the connection to reauth when Meta refuses the token. */
  async call<T>(fn: (ctx: GraphCallContext, counter: RequestCounter) => Promise<T>): Promise<T> {
    const probe = this.probe;
    this.probe = false;
    try {
      const result = await fn(this.ctx, this.counter);
      await this.breakers.succeeded(this.integrationId);
      return result;
    } catch (error) {
      await this.breakers.failedWith(this.integrationId, this.organisationId, error, { probe });
      if (error instanceof MetaGraphError && error.kind === 'auth') {
        await this.reauth.markReauthRequired(
          this.organisationId,
          this.integrationId,
          `Meta refused the token during a campaign change: ${error.message}`,
          { during: 'ads_write', failedUserToken: this.tokenCiphertext },
        );
      }
      throw error;
    }
  }
}

/** Opens write sessions: the organisation's live connection and its ad account, checked before any Graph call. */
@Injectable()
export class AdsWriteSessions {
  constructor(
    private readonly integrations: MetaIntegrationRepository,
    private readonly directory: AdAssetsDirectory,
    private readonly vault: MetaTokenVault,
    private readonly breakers: ConnectionBreakers,
    private readonly reauth: MetaReauthService,
  ) {}

  async open(organisationId: string, adAccountId: string): Promise<AdsWriteSession> {
    const integration = await this.integrations.requireLive(organisationId);
    if (integration.status !== MetaIntegrationStatus.Active) {
      throw new ApiError(409, ErrorCode.MetaReauthRequired, 'The Meta connection needs a reconnect before campaigns can be changed');
    }
    const account = await this.directory.adAccount(organisationId, adAccountId);
    if (!account || !account.isActive)
      throw new ApiError(404, ErrorCode.NotFound, `Ad account ${adAccountId} is not reachable through this organisation's Meta connection`);
    const token = this.vault.openUserToken(integration);
    if (!token) throw new ApiError(409, ErrorCode.MetaReauthRequired, 'No token is stored for the Meta connection: reconnect it');
    const gate = await this.breakers.admit(integration.id);
    if (!gate.go) {
      throw new ApiError(503, ErrorCode.MetaUnavailable, pauseMessage(gate.pause), { retryAfterMs: gate.delayMs });
    }
    return new AdsWriteSession(
      organisationId,
      account,
      adsCallContext(token, adAccountId),
      integration.id,
      integration.accessTokenCiphertext,
      gate.probe,
      this.breakers,
      this.reauth,
    );
  }
}
