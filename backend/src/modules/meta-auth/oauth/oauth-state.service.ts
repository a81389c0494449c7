import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { MetaOAuthState } from '../entities/meta-oauth-state.entity';
import {
  hashOAuthState,
  isWellFormedOAuthState,
  newOAuthState,
  OAUTH_STATE_TTL_SECONDS,
  oauthStateProblem,
  OAuthStateProblem,
} from './oauth-state.rules';

/** Who started the connect the state belongs to. */
export interface OAuthStateBinding {
  organisationId: string;
  userId: string;
}

export type ConsumedOAuthState = { ok: true; binding: OAuthStateBinding } | { ok: false; problem: OAuthStateProblem };

/** Issues and consumes the single-use OAuth states of "Connect Meta". */
@Injectable()
export class OAuthStateService {
  constructor(@InjectRepository(MetaOAuthState) private readonly states: Repository<MetaOAuthState>) {}

  async issue(binding: OAuthStateBinding, now = new Date()): Promise<{ state: string; expiresIn: number }> {
    // States nobody came back with are worthless after expiry; clearing old ones here keeps the table small.
    await this.states.delete({ expiresAt: LessThan(new Date(now.getTime() - 86_400_000)) });
    const state = newOAuthState();
    await this.states.insert({
      stateHash: hashOAuthState(state),
      organisationId: binding.organisationId,
      userId: binding.userId,
      expiresAt: new Date(now.getTime() + OAUTH_STATE_TTL_SECONDS * 1000),
    });
    return { state, expiresIn: OAUTH_STATE_TTL_SECONDS };
  }

  /** Marks the state used and returns who it belongs to; a state works once, only before it expires. */
  async consume(state: unknown, now = new Date()): Promise<ConsumedOAuthState> {
    if (!isWellFormedOAuthState(state)) return { ok: false, problem: 'unknown' };
    const hash = hashOAuthState(state);
    // One conditional UPDATE: two callbacks racing with the same state cannot both win.
    const result: unknown = await this.states.query(
      `UPDATE meta_oauth_states SET used_at = $2
        WHERE state_hash = $1 AND used_at IS NULL AND expires_at > $2
        RETURNING organisation_id, user_id`,
      [hash, now],
    );
    // TypeORM's postgres driver answers [rows, affected] for UPDATE … RETURNING.
    const rows = (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as { organisation_id: string; user_id: string }[];
    const row = rows[0];
    if (row) return { ok: true, binding: { organisationId: row.organisation_id, userId: row.user_id } };
    const stored = await this.states.findOne({ where: { stateHash: hash } });
    return { ok: false, problem: oauthStateProblem(stored, now) ?? 'used' };
  }
}
