import { Injectable } from '@nestjs/common';
import type { CapiEventDto, CapiEventListQuery, CapiOverviewDto, CapiReplayResult, Page } from '@legeai/contracts';
import type { Principal } from '../../../common/auth/principal';
import { pageOf } from '../../../common/paging/page-query.dto';
import { AuditService } from '../../audit';
import { CapiOutboxRepository, type CapiEventRow } from '../outbox/capi-outbox.repository';
import { CapiSenderService } from '../send/capi-sender.service';

export const DEFAULT_OVERVIEW_DAYS = 14;

/** What the console shows of the events: a lead's events with Meta's answer, the overview, and replay of failures. */
@Injectable()
export class CapiEventsService {
  constructor(
    private readonly outbox: CapiOutboxRepository,
    private readonly sender: CapiSenderService,
    private readonly audit: AuditService,
  ) {}

  async list(organisationId: string, query: CapiEventListQuery): Promise<Page<CapiEventDto>> {
    const page = pageOf(query);
    const { items, total } = await this.outbox.list(organisationId, query, page);
    return { items: items.map(eventDto), total, ...page };
  }

  async overview(organisationId: string, days = DEFAULT_OVERVIEW_DAYS): Promise<CapiOverviewDto> {
    const [rows, failureReasons] = await Promise.all([
      this.outbox.overview(organisationId, days),
      this.outbox.failureReasons(organisationId, days),
    ]);
    const totals = { sent: 0, accepted: 0, failed: 0, expired: 0, pending: 0 };
    for (const row of rows) for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += row[key];
    return { days, rows, totals, failureReasons };
  }

  /** Failed events due again with the same event ids, and their sends queued; audited. */
  async replay(principal: Principal, ids?: string[]): Promise<CapiReplayResult> {
    const { count, targets } = await this.outbox.replayFailed(principal.organisationId, ids);
    await this.sender.enqueue(targets, 'replay');
    await this.audit.recordBy(
      principal,
      'meta_conversions.events_replayed',
      { type: 'organisation', id: principal.organisationId },
      {
        replayed: count,
        ...(ids && { ids }),
      },
    );
    return { replayed: count };
  }
}

function eventDto(row: CapiEventRow): CapiEventDto {
  return {
    id: row.id,
    leadId: row.leadId,
    metaLeadId: row.metaLeadId,
    status: row.status,
    eventName: row.eventName,
    eventId: row.eventId,
    state: row.state,
    changedAt: row.changedAt.toISOString(),
    eventTime: row.eventTime.toISOString(),
    attempts: row.attempts,
    sentAt: row.sentAt?.toISOString() ?? null,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    lastError: row.lastError,
    answer: row.answer,
    testEventCode: row.testEventCode,
  };
}
