import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export interface CountBar {
  /** The machine name of what is counted (`stored`, `waiting`), kept as the bar's `data-label`. */
  key: string;
  /** What people read. */
  label: string;
  value: number;
  /** Colours the bar: problems stand out, finished work stays calm. */
  tone?: 'neutral' | 'good' | 'warn' | 'bad';
}

/** Counts as horizontal bars scaled to the largest one, each with its number; plain CSS, no chart library. */
@Component({
  selector: 'lg-count-bars',
  imports: [DecimalPipe],
  template: `
    <ul class="bars" [attr.aria-label]="label()">
      @for (bar of scaled(); track bar.key) {
        <li class="bar" [attr.data-label]="bar.key">
          <span class="name">{{ bar.label }}</span>
          <span class="track" aria-hidden="true">
            <span class="fill" [class]="bar.tone ?? 'neutral'" [style.width.%]="bar.percent"></span>
          </span>
          <span class="value">{{ bar.value | number }}</span>
        </li>
      }
    </ul>
  `,
  styles: `
    .bars {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .bar {
      display: grid;
      grid-template-columns: minmax(90px, max-content) 1fr 56px;
      align-items: center;
      gap: 8px;
      padding: 3px 0;
    }
    .name {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .track {
      height: 10px;
      border-radius: 5px;
      background: var(--mat-sys-surface-container-high);
      overflow: hidden;
    }
    .fill {
      display: block;
      height: 100%;
      min-width: 0;
      border-radius: 5px;
      background: var(--mat-sys-primary);
      &.good {
        background: #2e7d32;
      }
      &.warn {
        background: #ef8f00;
      }
      &.bad {
        background: var(--mat-sys-error);
      }
    }
    .value {
      text-align: right;
      font: var(--mat-sys-label-large);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CountBars {
  readonly bars = input.required<CountBar[]>();
  /** What the bars count, for screen readers. */
  readonly label = input.required<string>();

  protected readonly scaled = computed(() => {
    const max = Math.max(1, ...this.bars().map((b) => b.value));
    return this.bars().map((bar) => ({ ...bar, percent: (bar.value / max) * 100 }));
  });
}
