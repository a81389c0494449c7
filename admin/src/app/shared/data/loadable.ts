import { DestroyRef, Signal, inject, signal } from '@angular/core';
import { Observable, Subscription } from 'rxjs';

import { httpErrorMessage } from '../../core/errors/http-error-message';

/** One server read shown on the page, with the loading, error and retry states every section needs. */
export interface Loadable<T> {
  readonly value: Signal<T | null>;
  readonly loading: Signal<boolean>;
  /** The reason the last read failed, worded for people; `null` while fine. */
  readonly error: Signal<string | null>;
  /**
   * Starts a read, dropping one still under way so an older answer never overwrites a newer one; `then` runs with
   * the value once it arrived.
   */
  load(then?: (value: T) => void): void;
  /** Replaces the value locally, e.g. for an optimistic change. */
  set(value: T | null): void;
  /** Forgets the value, e.g. once the account is disconnected. */
  reset(): void;
}

/** Must be called in an injection context; the read in flight is dropped when the page goes away. */
export function loadable<T>(read: () => Observable<T>): Loadable<T> {
  const value = signal<T | null>(null);
  const loading = signal(false);
  const error = signal<string | null>(null);
  let inFlight: Subscription | null = null;
  inject(DestroyRef).onDestroy(() => inFlight?.unsubscribe());

  return {
    value: value.asReadonly(),
    loading: loading.asReadonly(),
    error: error.asReadonly(),
    load(then) {
      inFlight?.unsubscribe();
      loading.set(true);
      error.set(null);
      inFlight = read().subscribe({
        next: (result) => {
          value.set(result);
          loading.set(false);
          then?.(result);
        },
        error: (failure: unknown) => {
          error.set(httpErrorMessage(failure));
          loading.set(false);
        },
      });
    },
    set: (next) => value.set(next),
    reset() {
      inFlight?.unsubscribe();
      value.set(null);
      loading.set(false);
      error.set(null);
    },
  };
}
