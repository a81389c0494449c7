import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';

/**
 * Work to do once a transaction commits: what an outbox writer wrote inside a change's transaction is handed on
 * (queued) only when that transaction's rows are visible, so a job never looks for rows it cannot see yet. Items
 * added outside a transaction are handed on at once; a rollback drops them. The writer's sweep covers a process that
 * dies between the commit and the hand-over.
 */
export class AfterCommit<T> implements EntitySubscriberInterface {
  /** Items added by a transaction still open, by its query runner. */
  private readonly pending = new WeakMap<QueryRunner, T[]>();

  /** `handOver` runs after the commit and must not throw (it is not awaited: the change is committed already). */
  constructor(
    db: DataSource,
    private readonly handOver: (items: T[]) => void,
  ) {
    // TypeORM reads its subscribers at each broadcast: joining here hears every transaction's commit.
    db.subscribers.push(this);
  }

  add(m: EntityManager, items: readonly T[]): void {
    if (items.length === 0) return;
    const runner = m.queryRunner;
    if (runner?.isTransactionActive) {
      this.pending.set(runner, [...(this.pending.get(runner) ?? []), ...items]);
      return;
    }
    this.handOver([...items]);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A savepoint's release is reported too; only the outermost commit makes the rows visible.
    if (event.queryRunner.isTransactionActive) return;
    const items = this.pending.get(event.queryRunner);
    if (!items) return;
    this.pending.delete(event.queryRunner);
    this.handOver(items);
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }
}
