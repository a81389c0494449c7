import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AlertListDto,
  AlertSettingsDto,
  MailMessageDto,
  MailSummaryDto,
  MarkReadResult,
  NotificationDto,
  NotificationPreferencesDto,
  Page,
  ROUTES,
  UpdateAlertSettingsRequest,
  UpdateNotificationPreferencesRequest,
} from '@legeai/contracts';
import { Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/api/api-base-url';
import { showsOwnErrors } from '../../../core/api/http-context';

/** The signed-in user's notifications and preferences; the organisation's alerts and their thresholds; (admins) the mail outbox. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /** Errors are shown by the page's error state. */
  list(query: { unreadOnly: boolean; limit: number; offset: number }): Observable<Page<NotificationDto>> {
    const params = new HttpParams({ fromObject: { unreadOnly: String(query.unreadOnly), limit: query.limit, offset: query.offset } });
    return this.http.get<Page<NotificationDto>>(`${this.base}/${ROUTES.notifications}`, { params, context: showsOwnErrors() });
  }

  markRead(id: string): Observable<NotificationDto> {
    return this.http.post<NotificationDto>(`${this.base}/${ROUTES.notifications}/${encodeURIComponent(id)}/${ROUTES.notificationRead}`, {});
  }

  markAllRead(): Observable<MarkReadResult> {
    return this.http.post<MarkReadResult>(`${this.base}/${ROUTES.notifications}/${ROUTES.notificationsReadAll}`, {});
  }

  /** Errors are shown by the page's error state. */
  preferences(): Observable<NotificationPreferencesDto> {
    return this.http.get<NotificationPreferencesDto>(`${this.base}/${ROUTES.notificationPreferences}`, { context: showsOwnErrors() });
  }

  savePreferences(change: UpdateNotificationPreferencesRequest): Observable<NotificationPreferencesDto> {
    return this.http.put<NotificationPreferencesDto>(`${this.base}/${ROUTES.notificationPreferences}`, change);
  }

  /** Errors are shown by the page's error state. */
  mails(query: { limit: number; offset: number }): Observable<Page<MailSummaryDto>> {
    const params = new HttpParams({ fromObject: { limit: query.limit, offset: query.offset } });
    return this.http.get<Page<MailSummaryDto>>(`${this.base}/${ROUTES.mailOutbox}`, { params, context: showsOwnErrors() });
  }

  /** Errors are shown inside the message dialog. */
  mail(id: string): Observable<MailMessageDto> {
    return this.http.get<MailMessageDto>(`${this.base}/${ROUTES.mailOutbox}/${encodeURIComponent(id)}`, { context: showsOwnErrors() });
  }

  /** Admins: the organisation's open alerts and those resolved lately. Errors are shown by the section's error state. */
  alerts(): Observable<AlertListDto> {
    return this.http.get<AlertListDto>(`${this.base}/${ROUTES.alerts}`, { context: showsOwnErrors() });
  }

  /** Errors are shown by the card's error state. */
  alertSettings(): Observable<AlertSettingsDto> {
    return this.http.get<AlertSettingsDto>(`${this.base}/${ROUTES.alertSettings}`, { context: showsOwnErrors() });
  }

  /** Admins. Errors (a 400 the form did not catch) surface through the global snack bar. */
  saveAlertSettings(change: UpdateAlertSettingsRequest): Observable<AlertSettingsDto> {
    return this.http.put<AlertSettingsDto>(`${this.base}/${ROUTES.alertSettings}`, change);
  }
}
