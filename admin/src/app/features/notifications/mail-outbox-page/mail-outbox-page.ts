import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MailSummaryDto } from '@legeai/contracts';

import { loadable } from '../../../shared/data/loadable';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { NotificationsApi } from '../data/notifications-api';
import { MailMessageDialog } from '../mail-message-dialog/mail-message-dialog';

/** Admins: every email the product wrote for this organisation; without an SMTP server they stay here to be read. */
@Component({
  selector: 'lg-mail-outbox-page',
  imports: [
    EmptyState,
    ErrorState,
    LabelPipe,
    MatButtonModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    Timestamp,
  ],
  templateUrl: './mail-outbox-page.html',
  styleUrl: './mail-outbox-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MailOutboxPage {
  private readonly api = inject(NotificationsApi);
  private readonly dialog = inject(MatDialog);

  protected readonly columns = ['subject', 'to', 'state', 'createdAt', 'actions'];
  protected readonly pageSize = 25;
  protected readonly pageIndex = signal(0);
  protected readonly page = loadable(() => this.api.mails({ limit: this.pageSize, offset: this.pageIndex() * this.pageSize }));
  protected readonly rows = computed(() => this.page.value()?.items ?? []);

  constructor() {
    this.page.load();
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.page.load();
  }

  protected openMail(mail: MailSummaryDto): void {
    this.dialog.open(MailMessageDialog, { data: mail.id, width: '640px', maxWidth: '95vw' });
  }
}
