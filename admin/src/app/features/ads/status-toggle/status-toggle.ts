import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatSlideToggleChange, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { AdObjectLevel, MetaAdDto, MetaAdSetDto, MetaCampaignDto } from '@legeai/contracts';

import { AdStatusWrites } from '../data/ad-status-writes';

export type AdObject = MetaCampaignDto | MetaAdSetDto | MetaAdDto;

/**
 * The pause/resume switch of a campaign, ad set or ad. It moves at once and goes back if the server refuses; it is
 * disabled while the change travels, for roles that may not change ads, and for archived or deleted objects.
 */
@Component({
  selector: 'lg-status-toggle',
  imports: [MatSlideToggleModule],
  template: `
    <mat-slide-toggle
      [checked]="active()"
      [disabled]="!canManage() || saving() || !switchable()"
      [aria-label]="(active() ? 'Pause ' : 'Resume ') + object().name"
      (change)="flip($event)"
      (click)="$event.stopPropagation()"
    >
      <span class="words">{{ active() ? 'On' : 'Off' }}</span>
    </mat-slide-toggle>
  `,
  styles: `
    .words {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusToggle {
  private readonly writes = inject(AdStatusWrites);

  readonly level = input.required<AdObjectLevel>();
  readonly object = input.required<AdObject>();
  readonly canManage = input(false);
  /** The object as the server answered after the change. */
  readonly changed = output<AdObject>();

  protected readonly saving = signal(false);
  /** The switch's own position while a change travels; the object's status otherwise. */
  private readonly optimistic = signal<boolean | null>(null);
  protected readonly active = computed(() => this.optimistic() ?? this.object().status === 'ACTIVE');
  protected readonly switchable = computed(() => ['ACTIVE', 'PAUSED'].includes(this.object().status));

  protected flip(event: MatSlideToggleChange): void {
    const status = event.checked ? 'ACTIVE' : 'PAUSED';
    this.optimistic.set(event.checked);
    this.saving.set(true);
    this.writes.setStatus(this.level(), this.object(), status).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.optimistic.set(null);
        this.changed.emit(saved);
      },
      error: () => {
        this.saving.set(false);
        this.optimistic.set(null);
        // The slide toggle keeps its own checked state; put it back where the object is.
        event.source.checked = this.object().status === 'ACTIVE';
      },
    });
  }
}
