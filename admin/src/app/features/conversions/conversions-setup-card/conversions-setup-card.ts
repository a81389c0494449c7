import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { CapiDatasetDto, CapiSettingsDto, LEAD_STATUSES, LeadStatus, Role } from '@legeai/contracts';

import { AuthStore } from '../../../core/auth/auth-store';
import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { Notifier } from '../../../core/errors/notifier';
import { loadable } from '../../../shared/data/loadable';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { ReadOnlyHint } from '../../../shared/ui/read-only-hint/read-only-hint';
import { ConversionsApi } from '../data/conversions-api';

type EventNameControls = Record<LeadStatus, string>;

/**
 * The setup of the Conversions API for CRM: the ad account and its dataset (picked, or created at Meta), the event
 * name sent for each lead status (empty: not sent), sending on or off, organic and test leads opted in. Admins
 * change it; everyone else reads it.
 */
@Component({
  selector: 'lg-conversions-setup-card',
  imports: [
    ErrorState,
    LabelPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    ReactiveFormsModule,
    ReadOnlyHint,
  ],
  template: `
    <section class="panel card" aria-labelledby="capi-setup-title" data-testid="capi-setup">
      @if (settings.loading() || saving() || datasets.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the setup" />
      }
      <h2 id="capi-setup-title">Setup</h2>
      @if (!isAdmin) {
        <lg-read-only-hint detail="Admins choose the dataset, name the events and turn sending on." />
      }
      @if (settings.error(); as message) {
        <lg-error-state title="The setup could not be loaded" [message]="message" (retry)="reload()" />
      } @else if (settings.value(); as s) {
        <p class="status" [class.on]="s.enabled" data-testid="capi-sending">
          {{ s.enabled ? 'Sending is on' : 'Sending is off' }}
          @if (s.datasetId) {
            · dataset {{ s.datasetName || s.datasetId }}
          }
        </p>
        @if (s.testEventCode) {
          <p class="muted small">
            Events go to Events Manager's “Test events” with the code {{ s.testEventCode }}: Meta shows them but does not count them.
          </p>
        }
        <form [formGroup]="form" (ngSubmit)="save()" novalidate>
          <div class="fields">
            <mat-form-field appearance="outline">
              <mat-label>Ad account</mat-label>
              <mat-select formControlName="adAccountId" (selectionChange)="loadDatasets()">
                @for (account of accounts.value() ?? []; track account.adAccountId) {
                  <mat-option [value]="account.adAccountId">{{ account.name }}</mat-option>
                }
              </mat-select>
              @if (accounts.error(); as message) {
                <mat-hint class="error">{{ message }}</mat-hint>
              }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Dataset</mat-label>
              <mat-select formControlName="datasetId">
                @for (dataset of datasetChoices(); track dataset.id) {
                  <mat-option [value]="dataset.id">{{ dataset.name }}</mat-option>
                }
              </mat-select>
              @if (datasets.error(); as message) {
                <mat-hint class="error">{{ message }}</mat-hint>
              } @else {
                <mat-hint>The pixel that receives the lead stages</mat-hint>
              }
            </mat-form-field>
          </div>
          @if (isAdmin && form.controls.adAccountId.value) {
            <div class="create">
              <mat-form-field appearance="outline">
                <mat-label>New dataset name</mat-label>
                <input matInput [formControl]="newDatasetName" maxlength="100" autocomplete="off" />
              </mat-form-field>
              <button matButton="outlined" type="button" (click)="createDataset()" [disabled]="creating() || !newDatasetName.value.trim()">
                Create dataset
              </button>
            </div>
          }
          <h3>Event sent for each status</h3>
          <p class="muted small">Meta's CRM funnel wants every stage, starting with the lead itself. Leave a name empty to send nothing.</p>
          <div class="fields" formGroupName="eventNames">
            @for (status of statuses; track status) {
              <mat-form-field appearance="outline">
                <mat-label>{{ status | label: 'leadStatus' }}</mat-label>
                <input matInput [formControlName]="status" maxlength="100" autocomplete="off" placeholder="Not sent" />
              </mat-form-field>
            }
          </div>
          <div class="toggles">
            <mat-slide-toggle formControlName="enabled">Send lead stages to Meta</mat-slide-toggle>
            <mat-slide-toggle formControlName="includeOrganic">Include organic leads</mat-slide-toggle>
            <mat-slide-toggle formControlName="includeTest">Include Meta's test leads</mat-slide-toggle>
          </div>
          @if (isAdmin) {
            <div class="actions">
              <button matButton="filled" type="submit" [disabled]="saving() || form.pristine">Save setup</button>
            </div>
          }
          @if (errorMessage(); as message) {
            <p class="error" role="alert">{{ message }}</p>
          }
        </form>
      }
    </section>
  `,
  styles: `
    .card {
      padding: 12px 16px 16px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 4px 0 8px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 4px;
    }
    .fields,
    .create {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0 16px;
    }
    mat-form-field {
      flex: 1 1 220px;
      min-width: 0;
    }
    .create button {
      margin-top: 8px;
    }
    .toggles {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin: 8px 0 16px;
    }
    .status {
      font: var(--mat-sys-title-small);
      margin: 0 0 4px;
      overflow-wrap: anywhere;
    }
    .status.on {
      color: var(--mat-sys-primary);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .small {
      font: var(--mat-sys-body-small);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConversionsSetupCard {
  private readonly api = inject(ConversionsApi);
  private readonly notifier = inject(Notifier);
  private readonly fb = inject(NonNullableFormBuilder);

  /** After a save: the overview may change (sending turned on or off). */
  readonly saved = output<CapiSettingsDto>();

  protected readonly isAdmin = inject(AuthStore).hasRole(Role.Admin);
  protected readonly statuses = LEAD_STATUSES;
  protected readonly settings = loadable(() => this.api.settings());
  protected readonly accounts = loadable(() => this.api.adAccounts());
  protected readonly datasets = loadable(() => this.api.datasets(this.form.controls.adAccountId.value));
  protected readonly saving = signal(false);
  protected readonly creating = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly newDatasetName = this.fb.control('', [Validators.maxLength(100)]);
  protected readonly form = this.fb.group({
    adAccountId: '',
    datasetId: '',
    enabled: false,
    includeOrganic: false,
    includeTest: false,
    // Up to 100 characters each (the inputs' maxlength, and the API checks it too); empty sends nothing.
    eventNames: this.fb.group({
      [LeadStatus.New]: '',
      [LeadStatus.Contacted]: '',
      [LeadStatus.Qualified]: '',
      [LeadStatus.Quoted]: '',
      [LeadStatus.Won]: '',
      [LeadStatus.Lost]: '',
    }),
  });

  constructor() {
    if (!this.isAdmin) {
      this.form.disable();
    }
    this.accounts.load();
    this.reload();
  }

  /** The chosen dataset stays offered while the account's list loads or if Meta no longer lists it. */
  protected datasetChoices(): CapiDatasetDto[] {
    const listed = this.datasets.value() ?? [];
    const s = this.settings.value();
    if (s?.datasetId && !listed.some((d) => d.id === s.datasetId)) {
      return [{ id: s.datasetId, name: s.datasetName ?? s.datasetId, createdTime: null, lastFiredTime: null }, ...listed];
    }
    return listed;
  }

  protected reload(): void {
    this.settings.load((s) => {
      this.fill(s);
      if (s.adAccountId) {
        this.datasets.load();
      }
    });
  }

  protected loadDatasets(): void {
    this.form.controls.datasetId.setValue('');
    if (this.form.controls.adAccountId.value) {
      this.datasets.load();
    }
  }

  protected createDataset(): void {
    const name = this.newDatasetName.value.trim();
    const adAccountId = this.form.controls.adAccountId.value;
    if (!name || !adAccountId) {
      return;
    }
    this.creating.set(true);
    this.errorMessage.set(null);
    this.api.createDataset({ adAccountId, name }).subscribe({
      next: (dataset) => {
        this.creating.set(false);
        this.datasets.set([...(this.datasets.value() ?? []), dataset]);
        this.form.controls.datasetId.setValue(dataset.id);
        this.form.markAsDirty();
        this.newDatasetName.setValue('');
        this.notifier.info(`Dataset “${dataset.name}” created at Meta; save the setup to use it`);
      },
      error: (error: unknown) => {
        this.creating.set(false);
        this.errorMessage.set(httpErrorMessage(error));
      },
    });
  }

  protected save(): void {
    const v = this.form.getRawValue();
    const names: EventNameControls = v.eventNames;
    const dataset = this.datasetChoices().find((d) => d.id === v.datasetId);
    this.saving.set(true);
    this.errorMessage.set(null);
    this.api
      .saveSettings({
        adAccountId: v.adAccountId || null,
        datasetId: v.datasetId || null,
        datasetName: dataset?.name ?? null,
        enabled: v.enabled,
        includeOrganic: v.includeOrganic,
        includeTest: v.includeTest,
        eventNames: Object.fromEntries(LEAD_STATUSES.map((status) => [status, names[status].trim() || null])),
      })
      .subscribe({
        next: (s) => {
          this.saving.set(false);
          this.settings.set(s);
          this.fill(s);
          this.notifier.info('Setup saved');
          this.saved.emit(s);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.errorMessage.set(httpErrorMessage(error));
        },
      });
  }

  private fill(s: CapiSettingsDto): void {
    this.form.reset({
      adAccountId: s.adAccountId ?? '',
      datasetId: s.datasetId ?? '',
      enabled: s.enabled,
      includeOrganic: s.includeOrganic,
      includeTest: s.includeTest,
      eventNames: Object.fromEntries(LEAD_STATUSES.map((status) => [status, s.eventNames[status] ?? ''])) as EventNameControls,
    });
  }
}
