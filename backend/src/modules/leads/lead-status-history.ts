import { Injectable } from '@nestjs/common';
import { LeadStatus, LeadStatusChangeDto } from '@legeai/contracts';
import { EntityManager } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { UsersService } from '../users';
import { LeadStatusChange, LeadStatusChangeKind } from './entities/lead-status-change.entity';
import { LeadLifecycleHooks } from './lead-lifecycle-hooks';

export interface StatusChangeFacts {
  kind: LeadStatusChangeKind;
  from: LeadStatus | null;
  to: LeadStatus;
  premiumValue?: string | null;
  premiumCurrency?: string | null;
  premiumUnknown?: boolean;
  reason?: string | null;
}

/** Every status change of a lead: written with the change, read whole for the lead's timeline. */
@Injectable()
export class LeadStatusHistory {
  constructor(
    private readonly users: UsersService,
    private readonly hooks: LeadLifecycleHooks,
  ) {}

  /**
   * In the transaction of the change, so the lead and its history never disagree; a change of stage, or a premium
   * correction (as `updated`), is told to the lifecycle listeners in the same transaction.
   */
  async record(m: EntityManager, principal: Principal, leadId: string, facts: StatusChangeFacts): Promise<void> {
    const repo = m.getRepository(LeadStatusChange);
    const inserted = await repo.insert({
      organisationId: principal.organisationId,
      leadId,
      kind: facts.kind,
      fromStatus: facts.from,
      toStatus: facts.to,
      premiumValue: facts.premiumValue ?? null,
      premiumCurrency: facts.premiumCurrency ?? null,
      premiumUnknown: facts.premiumUnknown ?? false,
      reason: facts.reason ?? null,
      actorType: principal.kind,
      actorId: principal.id,
    });
    const at = (inserted.generatedMaps[0]?.['at'] as Date | undefined) ?? new Date();
    if (facts.kind === 'premium') {
      // A premium correction keeps the stage: an edit of the lead for the listeners that want those.
      await this.hooks.changed(m, [
        { organisationId: principal.organisationId, leadId, from: facts.to, to: facts.to, at, kind: 'updated', fields: ['premium'] },
      ]);
      return;
    }
    if (facts.from === facts.to) return;
    await this.hooks.changed(m, [
      { organisationId: principal.organisationId, leadId, from: facts.from, to: facts.to, at, kind: facts.kind },
    ]);
  }

  /** All of a lead's changes, oldest first, with the names of the users who made them. */
  async list(m: EntityManager, organisationId: string, leadId: string): Promise<LeadStatusChangeDto[]> {
    const rows = await m.getRepository(LeadStatusChange).find({
      where: { organisationId, leadId },
      order: { at: 'ASC', id: 'ASC' },
    });
    const userIds = [...new Set(rows.filter((r) => r.actorType === 'user' && r.actorId).map((r) => r.actorId!))];
    // On the caller's manager: inside a status change's transaction a second connection would double its pool use.
    const names = await this.users.namesOf(organisationId, userIds, m);
    return rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      kind: row.kind,
      from: row.fromStatus,
      to: row.toStatus,
      premiumValue: row.premiumValue,
      premiumCurrency: row.premiumCurrency,
      premiumUnknown: row.premiumUnknown,
      reason: row.reason,
      actor: {
        type: row.actorType,
        id: row.actorId,
        name: row.actorType === 'user' && row.actorId ? (names.get(row.actorId) ?? null) : null,
      },
    }));
  }

  /** The open status a closed lead had before it was closed, if its history tells. */
  async statusBeforeClosing(m: EntityManager, organisationId: string, leadId: string, closed: LeadStatus): Promise<LeadStatus | null> {
    const last = await m.getRepository(LeadStatusChange).findOne({
      where: { organisationId, leadId, toStatus: closed, kind: 'status' },
      order: { at: 'DESC', id: 'DESC' },
    });
    return last?.fromStatus ?? null;
  }
}
