import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';
import { EMPTY, Observable, distinctUntilChanged, fromEvent, map, startWith, switchMap, timer } from 'rxjs';

/**
 * Ticks for pages that refresh themselves. A hidden tab asks the server nothing; when it is shown again it ticks at
 * once, so what it shows is current. A seam, so specs tick by hand instead of waiting.
 */
@Injectable({ providedIn: 'root' })
export class VisibleInterval {
  private readonly document = inject(DOCUMENT);

  /** Emits every `periodMs` while the document is visible; the first tick comes after one period. */
  every(periodMs: number): Observable<void> {
    return fromEvent(this.document, 'visibilitychange').pipe(
      startWith(null),
      map(() => this.document.visibilityState !== 'hidden'),
      distinctUntilChanged(),
      switchMap((visible, index) => (visible ? timer(index === 0 ? periodMs : 0, periodMs).pipe(map(() => undefined)) : EMPTY)),
    );
  }
}
