import { Provider } from '@angular/core';
import { Observable, Subject } from 'rxjs';

import { VisibleInterval } from '../app/shared/data/visible-interval';

/** A `VisibleInterval` the spec ticks by hand, so polling pages are tested without waiting for time to pass. */
export class ManualInterval {
  private readonly ticks = new Subject<void>();
  /** Periods asked for, in order, e.g. to see that a page polls at all. */
  readonly periods: number[] = [];

  every(periodMs: number): Observable<void> {
    this.periods.push(periodMs);
    return this.ticks.asObservable();
  }

  /** Ticks every subscriber once. */
  tick(): void {
    this.ticks.next();
  }

  /** Whether anything still listens, i.e. the page is still polling. */
  get observed(): boolean {
    return this.ticks.observed;
  }
}

export function provideManualInterval(interval: ManualInterval): Provider {
  return { provide: VisibleInterval, useValue: interval };
}
