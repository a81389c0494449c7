/**
 * At most `limit` lead reads in flight per Page token. The worker runs more jobs than one batch holds, so that the
 * next batch is already travelling while the previous one is stored; without this cap those extra jobs would put a
 * second, partial batch in the air beside the first one and spend more HTTP requests per lead. With it, the reads
 * of the next jobs wait here and leave together as the next full batch the moment the previous one answers.
 */
export class ReadsInFlight {
  /**
   * Per scope: `running` counts slots held, including one being handed over from an answered read to a waiting
   * one; `active` counts reads started and not yet answered.
   */
  private readonly scopes = new Map<string, { running: number; active: number; waiting: (() => void)[] }>();

  constructor(private readonly limit: number) {}

  /**
   * Whether `limit` reads of the scope are started and unanswered: no other read can start until one answers, so a
   * batch still collecting company can leave now. (Not the slots held: while an answered batch hands its slots to
   * the waiting reads, all of them are held but the next batch is only starting to gather.)
   */
  isFull(scope: string): boolean {
    return (this.scopes.get(scope)?.active ?? 0) >= this.limit;
  }

  async run<T>(scope: string, read: () => Promise<T>): Promise<T> {
    let entry = this.scopes.get(scope);
    if (!entry) this.scopes.set(scope, (entry = { running: 0, active: 0, waiting: [] }));
    if (entry.running >= this.limit) await new Promise<void>((resolve) => entry.waiting.push(resolve));
    else entry.running++;
    entry.active++;
    try {
      return await read();
    } finally {
      entry.active--;
      // A waiting read takes over the slot (running stays the same); with none, the slot is freed.
      const next = entry.waiting.shift();
      if (next) next();
      else if (--entry.running === 0) this.scopes.delete(scope);
    }
  }
}
