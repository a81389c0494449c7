import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  auditCategoryOf,
  type AuditActorOption,
  type AuditEntryDto,
  type AuditLogFiltersDto,
  type AuditLogQuery,
  type Page,
} from '@legeai/contracts';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { ListTotal, listTotal } from '../../common/paging/estimated-total';
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
    const [rows, total] = await Promise.all([
      qb.clone().orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').take(limit).skip(offset).getMany(),
      this.total(qb),
    ]);
    const names = await this.currentNames(organisationId, rows);
    const items = rows.map((row) =>
      toAuditEntryDto(row, actorOf(row, row.actorId ? names.get(key(row.actorType, row.actorId)) : undefined)),
    );
    return { items, total: total.total, totalExact: total.exact, limit, offset };
  }

  /** Exact up to EXACT_TOTAL_LIMIT entries, PostgreSQL's estimate beyond: an exact count took about 1 s at a million. */
  private total(qb: SelectQueryBuilder<AuditEntry>): Promise<ListTotal> {
    const [sql, params] = qb.clone().select('1').getQueryAndParameters();
    return listTotal((text, values) => this.entries.query(text, values), sql.slice(sql.indexOf(' FROM ')), params);
  }

  /**
   * The actors, actions and subject types that occur in the organisation's log, for the console's pickers. Each list
   * is read by skipping through an index from one distinct value to the next (a few milliseconds on a million
   * entries, where a GROUP BY reads them all). "System" is always offered: jobs and Meta's callbacks act as it.
   */
  async filters(organisationId: string): Promise<AuditLogFiltersDto> {
    const [actorRows, actionRows, typeRows] = await Promise.all([
      this.entries.query(
        `WITH RECURSIVE seen(actor_id) AS (
           (SELECT actor_id FROM audit_log WHERE organisation_id = $1 AND actor_id IS NOT NULL ORDER BY actor_id LIMIT 1)
           UNION ALL
           SELECT (SELECT a.actor_id FROM audit_log a
                    WHERE a.organisation_id = $1 AND a.actor_id > s.actor_id ORDER BY a.actor_id LIMIT 1)
             FROM seen s WHERE s.actor_id IS NOT NULL)
         SELECT s.actor_id AS "actorId", latest.actor_type AS "actorType", latest.actor_name AS "actorName"
           FROM seen s
          CROSS JOIN LATERAL (SELECT actor_type, actor_name FROM audit_log a
                               WHERE a.organisation_id = $1 AND a.actor_id = s.actor_id ORDER BY a.at DESC LIMIT 1) latest
          WHERE s.actor_id IS NOT NULL LIMIT ${MAX_OPTIONS}`,
        [organisationId],
      ) as Promise<Pick<AuditEntry, 'actorType' | 'actorId' | 'actorName'>[]>,
      this.distinct(organisationId, 'action'),
      this.distinct(organisationId, 'target_type'),
    ]);
    const names = await this.currentNames(organisationId, actorRows);
    const actors: AuditActorOption[] = actorRows
      .map((row) => {
        const actor = actorOf(row, names.get(key(row.actorType, row.actorId!)));
        return { type: row.actorType, id: row.actorId, name: actor.name, detail: actor.detail };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    actors.push({ type: 'system', id: null, name: 'System', detail: null });
    return {
      actors,
      actions: actionRows.map((action) => ({ action, category: auditCategoryOf(action) })),
      targetTypes: typeRows,
    };
  }

  /** The distinct values of an indexed column in the organisation's log, in order (a loose index scan). */
  private async distinct(organisationId: string, column: 'action' | 'target_type'): Promise<string[]> {
    const rows = (await this.entries.query(
      `WITH RECURSIVE seen(value) AS (
         (SELECT ${column} FROM audit_log WHERE organisation_id = $1 AND ${column} IS NOT NULL ORDER BY ${column} LIMIT 1)
         UNION ALL
         SELECT (SELECT a.${column} FROM audit_log a
                  WHERE a.organisation_id = $1 AND a.${column} > s.value ORDER BY a.${column} LIMIT 1)
           FROM seen s WHERE s.value IS NOT NULL)
       SELECT value FROM seen WHERE value IS NOT NULL LIMIT ${MAX_OPTIONS}`,
      [organisationId],
    )) as { value: string }[];
    return rows.map((row) => row.value);
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
