import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditEntryDto, Page } from '@legeai/contracts';
import { EntityManager, Repository } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { AuditActorType, AuditEntry } from './entities/audit-entry.entity';

export interface AuditRecord {
  organisationId: string | null;
  actorType: AuditActorType;
  actorId: string | null;
  /** Dotted verb, e.g. `user.created`, `api_key.revoked`, `auth.login_failed`. */
  action: string;
  targetType?: string;
  targetId?: string;
  /** Facts worth keeping. Never put secrets here: tokens, passwords and keys must not reach the log. */
  details?: Record<string, unknown>;
  ip?: string;
}

export interface AuditTarget {
  type: string;
  id: string;
}

/** Writes and reads the append-only audit log. Other modules call `recordBy` for every change they make. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /** Pass the transaction's manager so the entry commits (or rolls back) with the change it describes. */
  async record(entry: AuditRecord, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEntry) : this.entries;
    const row = repo.create({
      organisationId: entry.organisationId,
      actorType: entry.actorType,
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      details: entry.details ?? {},
      ip: entry.ip?.slice(0, 64) ?? null,
    });
    await repo.save(row, { reload: false });
  }

  /** Records an action taken by an authenticated user or API key, in its organisation. */
  recordBy(
    principal: Principal,
    action: string,
    target?: AuditTarget,
    details?: Record<string, unknown>,
    manager?: EntityManager,
  ): Promise<void> {
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
    details?: Record<string, unknown>,
    manager?: EntityManager,
  ): Promise<void> {
    return this.record(
      { organisationId, actorType: 'system', actorId: null, action, targetType: target?.type, targetId: target?.id, details },
      manager,
    );
  }

  async list(principal: Principal, limit: number, offset: number): Promise<Page<AuditEntryDto>> {
    const [rows, total] = await this.entries.findAndCount({
      where: { organisationId: principal.organisationId },
      order: { at: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map(toAuditEntryDto), total, limit, offset };
  }
}

function toAuditEntryDto(row: AuditEntry): AuditEntryDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorType: row.actorType,
    actorId: row.actorId,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    details: row.details,
  };
}
