import { SameTurnBatch } from './same-turn-batch';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('SameTurnBatch', () => {
  it('hands the items added in one turn over together, on the next turn, and starts a new batch after that', async () => {
    const batches: number[][] = [];
    const batch = new SameTurnBatch<number>((items) => void batches.push(items));
    batch.add(1);
    batch.add(2);
    batch.add(3);
    expect(batches).toEqual([]);
    await nextTurn();
    expect(batches).toEqual([[1, 2, 3]]);
    batch.add(4);
    await nextTurn();
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('puts items added while a batch runs into the next batch', async () => {
    const batches: number[][] = [];
    const batch = new SameTurnBatch<number>(async (items) => {
      batches.push(items);
      if (items[0] === 1) batch.add(9);
    });
    batch.add(1);
    await nextTurn();
    await nextTurn();
    expect(batches).toEqual([[1], [9]]);
  });
});
