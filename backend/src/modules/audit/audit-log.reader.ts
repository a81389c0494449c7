import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditActorOption, AuditCategory, AuditEntryDto, AuditLogFiltersDto, AuditLogQuery, Page } from '@legeai/contracts';
import { Repository } from 'typeorm';
import { ValidationFailedError } from '../../common/errors/api-error';
import { pageOf } from '../../common/paging/page-query.dto';
import { AuditActorName, AuditActors, NamedActorType } from './audit-actors';
import { actorOf, toAuditEntryDto } from './audit-entry.mapper';
import { AuditEntry } from './entities/audit-entry.entity';

/** At most this many actors, actions and subject types are offered as filters. */
const MAX_OPTIONS = 500;

/** Reads the organisation's audit log: filtered pages, and what there is to filter by. */
@Injectable()
export class AuditLogReader {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly actors: AuditActors,
  ) {}

  /** Newest first. Actors show under their current names (see `actorOf`). */
  async list(organisationId: string, query: AuditLogQuery): Promise<Page<AuditEntryDto>> {
    if (query.from && query.to && Date.parse(query.from) > Date.parse(query.to)) {
      throw new ValidationFailedError([{ field: 'to', messages: ['to must not be before from'] }]);
    }
    const { limit, offset } = pageOf(query);
    const qb = this.entries.createQueryBuilder('a').where('a.organisation_id = :organisationId', { organisationId });
    if (query.category) qb.andWhere('a.category = :category', { category: query.category });
    if (query.actorType) qb.andWhere('a.actor_type = :actorType', { actorType: query.actorType });
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.targetType) qb.andWhere('a.target_type = :targetType', { targetType: query.targetType });
    if (query.targetId) qb.andWhere('a.target_id = :targetId', { targetId: query.targetId });
    if (query.from) qb.andWhere('a.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.at <= :to', { to: query.to });
    if (query.correlationId) qb.andWhere('a.correlation_id = :correlationId', { correlationId: query.correlationId });
    const [rows, total] = await qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').take(limit).skip(offset).getManyAndCount();
    const names = await this.currentNames(organisationId, rows);
    const items = rows.map((row) =>
      toAuditEntryDto(row, actorOf(row, row.actorId ? names.get(key(row.actorType, row.actorId)) : undefined)),
    );
    return { items, total, limit, offset };
  }

  /** The actors, actions and subject types that occur in the organisation's log, for the console's pickers. */
  async filters(organisationId: string): Promise<AuditLogFiltersDto> {
    const [actorRows, actionRows, typeRows] = await Promise.all([
      this.entries.query(
        `SELECT actor_type AS "actorType", actor_id AS "actorId",
                (array_agg(actor_name ORDER BY at DESC) FILTER (WHERE actor_name IS NOT NULL))[1] AS "actorName"
           FROM audit_log WHERE organisation_id = $1
          GROUP BY actor_type, actor_id LIMIT ${MAX_OPTIONS}`,
        [organisationId],
      ) as Promise<Pick<AuditEntry, 'actorType' | 'actorId' | 'actorName'>[]>,
      this.entries.query(
        `SELECT action, min(category) AS category FROM audit_log WHERE organisation_id = $1
          GROUP BY action ORDER BY action LIMIT ${MAX_OPTIONS}`,
        [organisationId],
      ) as Promise<{ action: string; category: AuditCategory }[]>,
      this.entries.query(
        `SELECT DISTINCT target_type AS "targetType" FROM audit_log
          WHERE organisation_id = $1 AND target_type IS NOT NULL ORDER BY 1 LIMIT ${MAX_OPTIONS}`,
        [organisationId],
      ) as Promise<{ targetType: string }[]>,
    ]);
    const names = await this.currentNames(organisationId, actorRows);
    const actors: AuditActorOption[] = actorRows
      .map((row) => {
        const actor = actorOf(row, row.actorId ? names.get(key(row.actorType, row.actorId)) : undefined);
        return { type: row.actorType, id: row.actorType === 'system' ? null : row.actorId, name: actor.name, detail: actor.detail };
      })
      .sort((a, b) => (a.type === 'system' ? 1 : 0) - (b.type === 'system' ? 1 : 0) || a.name.localeCompare(b.name));
    return { actors, actions: actionRows, targetTypes: typeRows.map((row) => row.targetType) };
  }

  private async currentNames(
    organisationId: string,
    rows: readonly Pick<AuditEntry, 'actorType' | 'actorId'>[],
  ): Promise<Map<string, AuditActorName>> {
    const names = new Map<string, AuditActorName>();
    for (const type of ['user', 'api_key'] as NamedActorType[]) {
      const ids = rows.filter((row) => row.actorType === type && row.actorId).map((row) => row.actorId!);
      for (const [id, name] of await this.actors.namesOf(organisationId, type, ids)) names.set(key(type, id), name);
    }
    return names;
  }
}

const key = (type: string, id: string) => `${type}:${id}`;
