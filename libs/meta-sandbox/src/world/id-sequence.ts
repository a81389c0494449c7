/**
 * Decimal-string ids that look like Meta's and come out the same for the same seed and call sequence.
 * Each kind has its own range so ids never collide and a glance tells a lead id from a page id.
 */
const BASES: Record<string, bigint> = {
  lead: 1_140_000_000_000_000n,
  question: 9_700_000_000_000n,
  object: 1_202_000_000_000_000_000n,
};

export class IdSequence {
  private readonly counters = new Map<string, bigint>();

  next(kind: string): string {
    const base = BASES[kind] ?? BASES['object'];
    const count = (this.counters.get(kind) ?? 0n) + 1n;
    this.counters.set(kind, count);
    // A prime stride makes consecutive ids less obviously sequential, as Meta's are.
    return String(base + count * 7919n);
  }

  /** How far each kind has counted (decimal strings: JSON has no bigint). */
  counts(): Record<string, string> {
    return Object.fromEntries([...this.counters].map(([kind, count]) => [kind, String(count)]));
  }

  /**
   * Continues at least from the given counts: ids handed out by an earlier run (a lead Meta created before a restart)
   * are never handed out again for something else.
   */
  continueFrom(counts: Record<string, string>): void {
    for (const [kind, count] of Object.entries(counts)) {
      if (!/^\d+$/.test(count)) continue;
      const value = BigInt(count);
      if (value > (this.counters.get(kind) ?? 0n)) this.counters.set(kind, value);
    }
  }
}
