import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type AlertDto,
  type AlertListDto,
  type MailMessageDto,
  type MailSummaryDto,
  type Page,
  type PageQuery,
} from '@legeai/contracts';
import { ApiError } from '../../../common/errors/api-error';
import { pageOf } from '../../../common/paging/page-query.dto';
import { MailOutboxRepository } from '../delivery/mail-outbox.repository';
import type { Alert } from '../entities/alert.entity';
import type { MailMessage } from '../entities/mail-message.entity';
import { AlertsRepository } from '../evaluate/alerts.repository';

const RECENT_DAYS = 14;

/** What admins read: the organisation's open and recent alerts, and the mail outbox. */
@Injectable()
export class AlertsReadService {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly mails: MailOutboxRepository,
  ) {}

  async alertList(organisationId: string): Promise<AlertListDto> {
    const rows = (await this.alerts.list(organisationId, RECENT_DAYS)).map(toAlertDto);
    return {
      open: rows.filter((a) => a.state === 'open'),
      recent: rows.filter((a) => a.state === 'resolved').sort((a, b) => (b.resolvedAt ?? '').localeCompare(a.resolvedAt ?? '')),
    };
  }

  async mailPage(organisationId: string, query: PageQuery): Promise<Page<MailSummaryDto>> {
    const page = pageOf(query);
    const [rows, total] = await this.mails.page(organisationId, page.limit, page.offset);
    return { items: rows.map(toMailSummary), total, ...page };
  }

  async mail(organisationId: string, id: string): Promise<MailMessageDto> {
    const row = await this.mails.find(organisationId, id);
    if (!row) throw new ApiError(404, ErrorCode.NotFound, 'Mail not found');
    return { ...toMailSummary(row), from: row.from, text: row.text };
  }
}

function toAlertDto(row: Alert): AlertDto {
  return {
    id: row.id,
    eventType: row.eventType,
    conditionKey: row.conditionKey,
    state: row.state,
    title: row.title,
    body: row.body,
    link: row.link,
    openedAt: row.openedAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    resolvedAt: row.resolvedAt ? row.resolvedAt.toISOString() : null,
  };
}

function toMailSummary(row: MailMessage): MailSummaryDto {
  return {
    id: row.id,
    to: row.to,
    subject: row.subject,
    state: row.state,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
    lastError: row.lastError,
  };
}
