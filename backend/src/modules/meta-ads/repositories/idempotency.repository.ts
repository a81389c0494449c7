import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { MetaAdsIdempotency } from '../entities/meta-ads-idempotency.entity';

export type Claim =
  /** This request owns the key: do the work, then `complete` or `release`. */
  | { owned: true }
  /** The key was used before. */
  | { owned: false; row: MetaAdsIdempotency };

/** Every statement on meta_ads_idempotency. */
@Injectable()
export class IdempotencyRepository {
  constructor(@InjectRepository(MetaAdsIdempotency) private readonly rows: Repository<MetaAdsIdempotency>) {}

  /** Takes the key for a request, atomically: of two concurrent requests with one key, one owns it. */
  async claim(organisationId: string, key: string, requestHash: string): Promise<Claim> {
    const inserted: unknown[] = await this.rows.query(
      `INSERT INTO meta_ads_idempotency (organisation_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (organisation_id, key) DO NOTHING RETURNING key`,
      [organisationId, key, requestHash],
    );
    if (inserted.length > 0) return { owned: true };
    const row = await this.rows.findOneOrFail({ where: { organisationId, key } });
    return { owned: false, row };
  }

  async complete(organisationId: string, key: string, status: number, response: unknown): Promise<void> {
    await this.rows.update(
      { organisationId, key },
      { state: 'done', responseStatus: status, response: response as object, completedAt: new Date() },
    );
  }

  /** Frees the key of a request that changed nothing and may be tried again (Meta was away, a rate limit). */
  async release(organisationId: string, key: string): Promise<void> {
    await this.rows.delete({ organisationId, key, state: 'pending' });
  }
}
