/**
 * Sandbox time. Starts at a chosen instant (or the real now) and runs at real speed; the control surface can jump
 * it forward to expire codes, tokens and leads without waiting.
 */
export class SandboxClock {
  private readonly realStart = Date.now();
  private offsetMs = 0;
  private readonly startMs: number;

  constructor(start?: number | string | Date) {
    this.startMs = start === undefined ? Date.now() : new Date(start).getTime();
    if (Number.isNaN(this.startMs)) throw new Error(`Invalid sandbox clock start: ${String(start)}`);
  }

  /** Milliseconds since the epoch, sandbox time. */
  now(): number {
    return this.startMs + (Date.now() - this.realStart) + this.offsetMs;
  }

  /** Unix seconds, as webhooks, tokens and filters use them. */
  unix(): number {
    return Math.floor(this.now() / 1000);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Undoes every `advance` (a world reset starts from the configured time again). */
  rewind(): void {
    this.offsetMs = 0;
  }
}

/** Meta's object timestamp format: `2026-11-20T14:03:11+0000`. */
export function graphTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}
