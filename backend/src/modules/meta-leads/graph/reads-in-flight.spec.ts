import { ReadsInFlight } from './reads-in-flight';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('ReadsInFlight', () => {
  it('runs at most the limit per scope and starts the waiting ones as slots free up', async () => {
    const cap = new ReadsInFlight(2);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      cap.run('token-a', async () => {
        started.push(i);
        await g.promise;
        return i;
      }),
    );
    const other = cap.run('token-b', async () => 'b');
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    await expect(other).resolves.toBe('b');
    gates[0].resolve();
    await expect(runs[0]).resolves.toBe(0);
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    gates[1].resolve();
    gates[2].resolve();
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2]);
  });

  it('frees the slot when a read fails', async () => {
    const cap = new ReadsInFlight(1);
    await expect(
      cap.run('t', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(cap.run('t', async () => 'next')).resolves.toBe('next');
  });

  it('is full while `limit` reads are started and unanswered, not while answered reads hand their slots over', async () => {
    const cap = new ReadsInFlight(2);
    const fullWhenStarted: boolean[] = [];
    const gates = [deferred(), deferred(), deferred(), deferred()];
    // Each read records whether the scope was full right after it started (what the lead fetcher asks).
    const runs = gates.map((g, i) =>
      cap.run('t', async () => {
        fullWhenStarted[i] = cap.isFull('t');
        await g.promise;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(fullWhenStarted).toEqual([false, true]);
    // Both answer together: their slots go to the two waiting reads; the first of those starts in a scope that is
    // not full (the slots are held, but only it has started), the second fills it.
    gates[0].resolve();
    gates[1].resolve();
    await new Promise((r) => setImmediate(r));
    expect(fullWhenStarted).toEqual([false, true, false, true]);
    gates[2].resolve();
    gates[3].resolve();
    await Promise.all(runs);
    expect(cap.isFull('t')).toBe(false);
  });
});
