import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { EventPreferenceDto, NEW_LEAD_FREQUENCIES, NewLeadFrequency, NotificationPreferencesDto } from '@legeai/contracts';

import { Notifier } from '../../../core/errors/notifier';
import { loadable } from '../../../shared/data/loadable';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { AlertSettingsCard } from '../alert-settings-card/alert-settings-card';
import { NotificationsApi } from '../data/notifications-api';

/**
 * Per event, whether the user hears of it in the console and by email; how new leads are told. Below, the
 * organisation's alert thresholds (everyone reads them; admins change them).
 */
@Component({
  selector: 'lg-preferences-page',
  imports: [
    AlertSettingsCard,
    ErrorState,
    LabelPipe,
    MatButtonModule,
    MatCheckboxModule,
    MatIconModule,
    MatProgressBarModule,
    MatRadioModule,
    MatTableModule,
    RouterLink,
  ],
  templateUrl: './preferences-page.html',
  styleUrl: './preferences-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PreferencesPage {
  private readonly api = inject(NotificationsApi);
  private readonly notifier = inject(Notifier);

  protected readonly columns = ['event', 'inApp', 'email'];
  protected readonly frequencies = NEW_LEAD_FREQUENCIES;
  protected readonly stored = loadable(() => this.api.preferences());
  /** The form: a copy of what is stored, changed by the toggles until saved. */
  protected readonly draft = signal<NotificationPreferencesDto | null>(null);
  protected readonly saving = signal(false);
  protected readonly changed = computed(() => JSON.stringify(this.draft()) !== JSON.stringify(this.stored.value()));

  constructor() {
    this.stored.load((value) => this.draft.set(value));
  }

  protected toggle(eventType: EventPreferenceDto['eventType'], channel: 'inApp' | 'email', on: boolean): void {
    const draft = this.draft();
    if (!draft) return;
    this.draft.set({ ...draft, events: draft.events.map((e) => (e.eventType === eventType ? { ...e, [channel]: on } : e)) });
  }

  protected setFrequency(frequency: NewLeadFrequency): void {
    const draft = this.draft();
    if (draft) this.draft.set({ ...draft, newLeadFrequency: frequency });
  }

  protected save(): void {
    const draft = this.draft();
    if (!draft) return;
    this.saving.set(true);
    this.api.savePreferences(draft).subscribe({
      next: (saved) => {
        this.stored.set(saved);
        this.draft.set(saved);
        this.saving.set(false);
        this.notifier.info('Preferences saved.');
      },
      error: () => this.saving.set(false),
    });
  }

  protected reset(): void {
    this.draft.set(this.stored.value());
  }
}
