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
}
