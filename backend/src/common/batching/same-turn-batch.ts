/**
 * Collects the items handed over during one turn of the event loop and gives them to `run` together, on the next
 * turn (`setImmediate`). For work that many callers start at the same moment (the 50 jobs of a Graph batch answer
 * finish and start together) and that costs one statement for all of them instead of one each. `run` owns each
 * item's outcome (items usually carry their own resolve/reject).
 */
export class SameTurnBatch<T> {
  private items: T[] = [];

  constructor(private readonly run: (items: T[]) => void | Promise<void>) {}

  add(item: T): void {
    this.items.push(item);
    if (this.items.length === 1) setImmediate(() => void this.flush());
  }

  private flush(): void | Promise<void> {
    const items = this.items;
    this.items = [];
    return this.run(items);
  }
}
