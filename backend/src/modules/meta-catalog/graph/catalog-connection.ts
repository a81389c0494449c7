import { Injectable } from '@nestjs/common';
import { ErrorCode, MetaIntegrationStatus } from '@legeai/contracts';
import { ApiError } from '../../../common/errors/api-error';
import { MetaIntegrationRepository, MetaTokenVault } from '../../meta-auth';

/** The organisation's live Meta connection and its user token, or why there is none. */
@Injectable()
export class CatalogConnection {
  constructor(
    private readonly integrations: MetaIntegrationRepository,
    private readonly vault: MetaTokenVault,
  ) {}

  /** The token, or a reason a sync records and a request answers with 409. */
  async token(organisationId: string): Promise<{ token: string } | { reason: string }> {
    const integration = await this.integrations.findLive(organisationId);
    if (!integration || integration.status !== MetaIntegrationStatus.Active)
      return { reason: 'The Meta connection is not active: connect or reconnect Meta first' };
    const token = this.vault.openUserToken(integration);
    return token ? { token } : { reason: 'No token is stored for the Meta connection: reconnect Meta' };
  }

  async tokenOrThrow(organisationId: string): Promise<string> {
    const found = await this.token(organisationId);
    if ('reason' in found) throw new ApiError(409, ErrorCode.MetaNotConnected, found.reason);
    return found.token;
  }
}
