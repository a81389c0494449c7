import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { OrganisationSuspendedError } from '../../common/errors/organisation-suspended.error';
import { OrganisationsService } from '../organisations';
import { apiKeyMatches, parseApiKeyPrefix } from './api-key-format';
import { ApiKey } from './entities/api-key.entity';

/** `last_used_at` is a "recently used?" hint, so one write per key per minute is precise enough. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Turns an `x-api-key` header into a principal. Every call reads the key row, so a revocation applies at once. */
@Injectable()
export class ApiKeyAuthenticator {
  constructor(
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    private readonly organisations: OrganisationsService,
  ) {}

  async authenticate(presented: string, ip?: string): Promise<Principal | null> {
    const prefix = parseApiKeyPrefix(presented);
    if (!prefix) return null;
    const key = await this.keys.createQueryBuilder('k').addSelect('k.keyHash').where('k.prefix = :prefix', { prefix }).getOne();
    if (!key || key.revokedAt || !apiKeyMatches(presented, key.keyHash)) return null;
    // A valid key of a suspended organisation is told so (403), rather than taken for a wrong key it is not.
    if (await this.organisations.isSuspended(key.organisationId)) {
      throw new OrganisationSuspendedError('The organisation of this API key');
    }
    await this.touch(key);
    return { kind: 'api_key', id: key.id, organisationId: key.organisationId, role: key.role, ip };
  }

  /** Skips the write when the row already says "used within the last minute"; the WHERE makes racing writers idle. */
  private async touch(key: ApiKey): Promise<void> {
    const now = Date.now();
    if (key.lastUsedAt && now - key.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
    const staleBefore = new Date(now - LAST_USED_RESOLUTION_MS);
    await this.keys
      .createQueryBuilder()
      .update(ApiKey)
      .set({ lastUsedAt: () => 'now()' })
      .where('id = :id', { id: key.id })
      .andWhere('(last_used_at IS NULL OR last_used_at < :staleBefore)', { staleBefore })
      .execute();
  }
}
