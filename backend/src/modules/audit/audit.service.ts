import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { auditCategoryOf, type AuditActorType } from '@legeai/contracts';
import { EntityManager, Repository } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { currentCorrelationId } from '../../common/correlation/correlation';
import { AuditActors } from './audit-actors';
import { withoutSecrets } from './audit-secrets';
import { AuditEntry } from './entities/audit-entry.entity';

/**
 * An entry's facts. A change also gives `before` and `after`: the fields it changed as they were and as they
 * became (`before: null` for something created, `after: null` for something removed), which the console shows as a
 * diff. Never put secrets here: tokens, passwords and keys must not reach the log (secret-named fields are dropped).
 */
export type AuditDetails = Record<string, unknown> & { before?: object | null; after?: object | null };

export interface AuditRecord {
  organisationId: string | null;
  actorType: AuditActorType;
  actorId: string | null;
  /** The actor's name now, when the caller has it at hand; otherwise it is looked up. */
  actorName?: string;
  /** Dotted verb, e.g. `user.created`, `api_key.revoked`, `auth.login_failed`. */
  action: string;
  targetType?: string;
  targetId?: string;
  details?: AuditDetails;
  ip?: string;
}

export interface AuditTarget {
  type: string;
  id: string;
}

/**
 * Writes the append-only audit log. Other modules call `recordBy` for every change they make. Each entry keeps its
 * category (from the action), the actor's name at the time, and the correlation id of the request or job it was
 * made in.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly actors: AuditActors,
  ) {}

  /** Pass the transaction's manager so the entry commits (or rolls back) with the change it describes. */
  async record(entry: AuditRecord, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEntry) : this.entries;
    const row = repo.create({
      organisationId: entry.organisationId,
      actorType: entry.actorType,
      actorId: entry.actorId,
      actorName: (entry.actorName ?? (await this.actorNameOf(entry, manager)))?.slice(0, 320) ?? null,
      category: auditCategoryOf(entry.action),
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      details: withoutSecrets(entry.details ?? {}),
      ip: entry.ip?.slice(0, 64) ?? null,
      correlationId: currentCorrelationId(),
    });
    await repo.save(row, { reload: false });
  }

  /** Records an action taken by an authenticated user or API key, in its organisation. */
  recordBy(principal: Principal, action: string, target?: AuditTarget, details?: AuditDetails, manager?: EntityManager): Promise<void> {
    return this.record(
      {
        organisationId: principal.organisationId,
        actorType: principal.kind,
        actorId: principal.id,
        action,
        targetType: target?.type,
        targetId: target?.id,
        details,
        ip: principal.ip,
      },
      manager,
    );
  }

  /** Records what the system did on its own (a scheduled check, a Meta callback, a pipeline decision): no actor. */
  recordSystem(
    organisationId: string | null,
    action: string,
    target?: AuditTarget,
    details?: AuditDetails,
    manager?: EntityManager,
  ): Promise<void> {
    return this.record(
      { organisationId, actorType: 'system', actorId: null, action, targetType: target?.type, targetId: target?.id, details },
      manager,
    );
  }

  private async actorNameOf(entry: AuditRecord, manager?: EntityManager): Promise<string | null> {
    if (entry.actorType === 'system' || !entry.actorId || !entry.organisationId) return null;
    return (await this.actors.nameOf(entry.organisationId, entry.actorType, entry.actorId, manager))?.name ?? null;
  }
}
