import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { LeadDetailDto, LeadDuplicateLinkDto } from '@legeai/contracts';
import { filter, switchMap } from 'rxjs';

import { Notifier } from '../../../core/errors/notifier';
import { ReadOnlyHint } from '../../../shared/ui/read-only-hint/read-only-hint';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { LeadDuplicatesApi } from '../data/lead-duplicates-api';
import { NotDuplicateDecision, NotDuplicateDialog, NotDuplicateDialogData } from '../not-duplicate-dialog/not-duplicate-dialog';

/**
 * The drawer's duplicates: on a duplicate, the original it is linked to (and why); on an original, the leads linked
 * to it. Each links to the other lead's drawer. Managers and admins unlink a pair ("Not a duplicate", from either
 * side) or confirm a possible duplicate; viewers read.
 */
@Component({
  selector: 'lg-lead-duplicates',
  imports: [MatButtonModule, MatIconModule, ReadOnlyHint, RouterLink, Timestamp],
  template: `
    @let links = lead().duplicateLinks;
    @if (links.duplicateOf || links.duplicates.length > 0) {
      <section class="block" data-testid="duplicates" aria-labelledby="duplicates-title">
        <h3 id="duplicates-title">Duplicates</h3>
        @if (!canManage()) {
          <lg-read-only-hint detail="Managers and admins confirm duplicates or unlink them." />
        }
        @if (links.duplicateOf; as original) {
          <div class="notice" [class.possible]="original.state === 'possible'" data-testid="duplicate-of">
            <mat-icon aria-hidden="true">{{ original.state === 'possible' ? 'help_outline' : 'content_copy' }}</mat-icon>
            <p>
              <strong>{{ original.state === 'possible' ? 'Possible duplicate' : 'Duplicate' }}</strong> of
              <a [routerLink]="[]" [queryParams]="{ lead: original.id }" queryParamsHandling="merge">{{ nameOf(original) }}</a>, received
              <lg-timestamp [at]="original.receivedAt" show="absolute" />
              @if (original.ruleLabel) {
                <span class="reason">Reason: {{ original.ruleLabel }}</span>
              }
            </p>
            @if (canManage()) {
              <div class="actions">
                @if (original.state === 'possible') {
                  <button matButton="tonal" [disabled]="busy()" (click)="confirm()">Confirm duplicate</button>
                }
                <button matButton [disabled]="busy()" (click)="unlink(original)">Not a duplicate</button>
              </div>
            }
          </div>
        }
        @if (links.duplicates.length > 0) {
          <p class="count">
            {{
              links.duplicatesTotal === 1
                ? 'One later lead is linked to this one'
                : links.duplicatesTotal + ' later leads are linked to this one'
            }}:
          </p>
          <ul class="links" data-testid="duplicate-list">
            @for (link of links.duplicates; track link.id) {
              <li>
                <div class="who">
                  <a [routerLink]="[]" [queryParams]="{ lead: link.id }" queryParamsHandling="merge">{{ nameOf(link) }}</a>
                  <span class="badge" [class.possible]="link.state === 'possible'">
                    {{ link.state === 'possible' ? 'Possible duplicate' : 'Duplicate' }}
                  </span>
                </div>
                <span class="why">
                  {{ link.ruleLabel ?? 'Same person' }} · received <lg-timestamp [at]="link.receivedAt" show="absolute" />
                </span>
                @if (canManage()) {
                  <button matButton class="unlink" [disabled]="busy()" (click)="unlink(link)">Not a duplicate</button>
                }
              </li>
            }
          </ul>
          @if (links.duplicatesTotal > links.duplicates.length) {
            <p class="count">Showing the first {{ links.duplicates.length }}.</p>
          }
        }
      </section>
    }
  `,
  styles: `
    .block {
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 0 0 8px;
    }
    .notice {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 6px 8px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      overflow-wrap: anywhere;
      &.possible {
        background: var(--mat-sys-tertiary-container);
        color: var(--mat-sys-on-tertiary-container);
      }
      mat-icon {
        flex: none;
      }
      p {
        flex: 1 1 200px;
        min-width: 0;
        margin: 0;
      }
      .reason {
        display: block;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        flex-basis: 100%;
        justify-content: flex-end;
      }
    }
    a {
      color: inherit;
      font-weight: 500;
    }
    .count {
      margin: 8px 0 4px;
      color: var(--mat-sys-on-surface-variant);
    }
    .links {
      list-style: none;
      margin: 0;
      padding: 0;
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 2px 8px;
        padding: 6px 0;
        border-top: 1px solid var(--mat-sys-outline-variant);
        overflow-wrap: anywhere;
      }
      .who {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 8px;
        flex: 1 1 100%;
        min-width: 0;
      }
      .why {
        flex: 1 1 160px;
        min-width: 0;
      }
    }
    .why {
      color: var(--mat-sys-on-surface-variant);
    }
    .badge {
      padding: 0 8px;
      border-radius: 8px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      &.possible {
        background: var(--mat-sys-tertiary-container);
        color: var(--mat-sys-on-tertiary-container);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LeadDuplicates {
  private readonly api = inject(LeadDuplicatesApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  readonly lead = input.required<LeadDetailDto>();
  /** Managers and admins unlink and confirm. */
  readonly canManage = input(false);
  /** The lead as the server answered it after a change. */
  readonly changed = output<LeadDetailDto>();

  protected readonly busy = signal(false);
  protected readonly id = computed(() => this.lead().id);

  protected nameOf(link: LeadDuplicateLinkDto): string {
    return link.fullName || 'A lead without a name';
  }

  protected unlink(other: LeadDuplicateLinkDto): void {
    const id = this.id();
    this.dialog
      .open<NotDuplicateDialog, NotDuplicateDialogData, NotDuplicateDecision>(NotDuplicateDialog, {
        data: { otherName: this.nameOf(other), possible: other.state === 'possible' },
        width: '480px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(
        filter((decision): decision is NotDuplicateDecision => !!decision),
        switchMap((decision) => {
          this.busy.set(true);
          return this.api.notDuplicate(id, { otherLeadId: other.id, ...decision });
        }),
      )
      .subscribe({
        next: (saved) =>
          this.done(saved, other.state === 'possible' ? 'Possible duplicate dismissed.' : 'The two leads are no longer linked.'),
        // The error interceptor's snack bar carries the server's reason.
        error: () => this.busy.set(false),
      });
  }

  protected confirm(): void {
    this.busy.set(true);
    this.api.confirm(this.id()).subscribe({
      next: (saved) => this.done(saved, 'Confirmed as a duplicate.'),
      error: () => this.busy.set(false),
    });
  }

  private done(saved: LeadDetailDto, message: string): void {
    this.busy.set(false);
    this.changed.emit(saved);
    this.notifier.info(message);
  }
}
