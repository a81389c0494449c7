import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { TimeStyle, formatInstant } from '../../time/format-time';
import { timeFromNow } from '../../time/time-from-now';

/**
 * How a timestamp reads: `relative` ("5 minutes ago", the exact time as its title), `absolute` (the exact time in the
 * reader's locale, the relative one as its title) or `both` ("5 minutes ago (5 Dec 2026, 10:04)").
 */
export type TimestampShow = 'relative' | 'absolute' | 'both';

/** An instant from the API as people read it: in their locale, relative where that is what matters, never raw ISO. */
@Component({
  selector: 'lg-timestamp',
  template: `
    @if (date(); as at) {
      <time [attr.datetime]="at.toISOString()" [attr.title]="show() === 'absolute' ? relative() : exact()">
        {{ show() === 'absolute' ? exact() : relative() }}
        @if (show() === 'both') {
          <span class="exact">({{ exact() }})</span>
        }
      </time>
    } @else {
      {{ empty() }}
    }
  `,
  styles: `
    .exact {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Timestamp {
  /** ISO-8601, as the API sends instants; `null` shows `empty`. */
  readonly at = input.required<string | null | undefined>();
  readonly show = input<TimestampShow>('relative');
  /** How precise the exact time is: with the date (default), with seconds, the date only or the time only. */
  readonly precision = input<TimeStyle>('dateTime');
  readonly empty = input('—');

  protected readonly date = computed(() => {
    const at = this.at();
    const date = at ? new Date(at) : null;
    return date && !Number.isNaN(date.getTime()) ? date : null;
  });
  protected readonly exact = computed(() => formatInstant(this.date()!, this.precision()));
  protected readonly relative = computed(() => timeFromNow(this.date()!));
}
