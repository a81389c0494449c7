import { Signal, signal } from '@angular/core';

/** Keys of items with a change on its way to the server, whose controls are disabled meanwhile. */
export interface PendingKeys {
  readonly keys: Signal<ReadonlySet<string>>;
  /** Whether a change of `key` is on its way; reactive, so templates may call it. */
  has(key: string): boolean;
  mark(key: string, pending: boolean): void;
}

export function pendingKeys(): PendingKeys {
  const keys = signal<ReadonlySet<string>>(new Set());
  return {
    keys: keys.asReadonly(),
    has: (key) => keys().has(key),
    mark(key, pending) {
      keys.update((current) => {
        const next = new Set(current);
        if (pending) {
          next.add(key);
        } else {
          next.delete(key);
        }
        return next;
      });
    },
  };
}
