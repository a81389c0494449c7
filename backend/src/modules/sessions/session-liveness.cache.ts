import { Role } from '@legeai/contracts';

/** What the access guard needs to know about a session: that it is live, and who its user is right now. */
export interface LiveSession {
  userId: string;
  organisationId: string;
  /** The user's role in that organisation, by their membership. */
  role: Role;
  platformAdmin: boolean;
}

interface Entry {
  sessionId: string;
  userId: string;
  value: LiveSession | null;
  expiresAt: number;
}

/**
 * Remembers session look-ups (per session and organisation: a session's tokens may be for several of its user's
 * organisations, after a switch) for a few seconds so that a burst of requests costs one query. Revocations on this
 * instance evict at once; other API instances notice within `ttlMs`, a bound worth one query per session per period.
 */
export class SessionLivenessCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(sessionId: string, organisationId = ''): LiveSession | null | undefined {
    const key = keyOf(sessionId, organisationId);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(sessionId: string, userId: string, value: LiveSession | null, organisationId = ''): void {
    // Maps iterate in insertion order, so dropping the first key evicts the oldest entry.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(keyOf(sessionId, organisationId), { sessionId, userId, value, expiresAt: this.now() + this.ttlMs });
  }

  evictSession(sessionId: string): void {
    for (const [key, entry] of this.entries) if (entry.sessionId === sessionId) this.entries.delete(key);
  }

  /** Drops everything, e.g. after an organisation was suspended. */
  clear(): void {
    this.entries.clear();
  }

  /** Drops every session of a user, e.g. after a role change or deactivation. */
  evictUser(userId: string): void {
    for (const [key, entry] of this.entries) if (entry.userId === userId) this.entries.delete(key);
  }
}

const keyOf = (sessionId: string, organisationId: string): string => `${sessionId}|${organisationId}`;
