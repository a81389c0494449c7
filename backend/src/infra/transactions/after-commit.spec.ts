import type { DataSource, EntityManager, QueryRunner, TransactionCommitEvent } from 'typeorm';
import { AfterCommit } from './after-commit';

describe(AfterCommit.name, () => {
  function build() {
    const db = { subscribers: [] as unknown[] } as unknown as DataSource;
    const handed: number[][] = [];
    const sut = new AfterCommit<number>(db, (items) => handed.push(items));
    const runner = { isTransactionActive: true } as { isTransactionActive: boolean };
    const inTransaction = { queryRunner: runner } as unknown as EntityManager;
    const commit = (stillActive = false) => {
      runner.isTransactionActive = stillActive;
      sut.afterTransactionCommit({ queryRunner: runner } as unknown as TransactionCommitEvent);
    };
    return { db, sut, handed, runner, inTransaction, commit };
  }

  it('joins the data source as a subscriber, to hear every commit', () => {
    const { db, sut } = build();
    expect(db.subscribers).toContain(sut);
  });

  it('hands items over once, after the outermost commit, not at a savepoint', () => {
    const { sut, handed, inTransaction, commit } = build();
    sut.add(inTransaction, [1, 2]);
    sut.add(inTransaction, [3]);
    commit(true); // a savepoint released: the rows are not visible yet
    expect(handed).toEqual([]);
    commit();
    expect(handed).toEqual([[1, 2, 3]]);
    commit();
    expect(handed).toHaveLength(1);
  });

  it('drops what a rolled back transaction added, and hands over at once outside a transaction', () => {
    const { sut, handed, runner, inTransaction } = build();
    sut.add(inTransaction, [1]);
    runner.isTransactionActive = false;
    sut.afterTransactionRollback({ queryRunner: runner as unknown as QueryRunner });
    sut.afterTransactionCommit({ queryRunner: runner } as unknown as TransactionCommitEvent);
    expect(handed).toEqual([]);

    sut.add({} as EntityManager, [7]);
    sut.add({} as EntityManager, []);
    expect(handed).toEqual([[7]]);
  });
});
