import { DestroyRef, Signal, inject, signal } from '@angular/core';
import { CapiEventDto } from '@legeai/contracts';
import { Subscription } from 'rxjs';

import { ConversionsApi } from './conversions-api';

/** How often a lead's events are read again while one of them still waits to be sent. */
export const PENDING_POLL_MS = 2_000;

/** A lead's Conversions API events, for its timeline: read when the lead is opened and after each change. */
export interface LeadConversionEvents {
  readonly events: Signal<CapiEventDto[]>;
  /** Follows this lead (null: none). */
  watch(leadId: string | null): void;
  /** Reads again, e.g. after a status change wrote a new event. */
  refresh(): void;
}

/**
 * Must be called in an injection context. An event waiting to be sent is read again every few seconds until Meta
 * answered, so the timeline turns from "waiting" to "accepted" by itself. A failed read leaves the timeline without
 * events: the lead's own history still shows.
 */
export function leadConversionEvents(): LeadConversionEvents {
  const api = inject(ConversionsApi);
  const events = signal<CapiEventDto[]>([]);
  let leadId: string | null = null;
  let inFlight: Subscription | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const stop = () => {
    inFlight?.unsubscribe();
    inFlight = null;
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  };
  const read = () => {
    stop();
    const id = leadId;
    if (!id) {
      return;
    }
    inFlight = api.events({ leadId: id, limit: 50 }).subscribe({
      next: (page) => {
        if (id !== leadId) {
          return;
        }
        events.set(page.items);
        if (page.items.some((e) => e.state === 'pending')) {
          timer = setTimeout(read, PENDING_POLL_MS);
        }
      },
      error: () => events.set([]),
    });
  };
  inject(DestroyRef).onDestroy(stop);

  return {
    events: events.asReadonly(),
    watch(id) {
      leadId = id;
      events.set([]);
      read();
    },
    refresh: read,
  };
}
