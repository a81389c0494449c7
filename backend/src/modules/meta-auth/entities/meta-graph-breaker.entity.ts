import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BreakerStateName } from '../../../infra/meta-graph/circuit-breaker';

/**
 * The circuit breaker of one connection's Graph calls, shared by every worker process: whether Meta keeps failing
 * the connection's calls (open), a probe call is out (half_open), or calls go through (closed). See
 * `infra/meta-graph/circuit-breaker.ts` for the rules; `ConnectionBreakerStore` changes a row only through them.
 */
@Entity({ name: 'meta_graph_breakers' })
export class MetaGraphBreaker {
  @PrimaryColumn({ name: 'integration_id', type: 'uuid' }) integrationId!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'state', type: 'varchar', length: 10, default: 'closed' }) state!: BreakerStateName;
  /** Transient failures of the current run, or since the breaker opened. */
  @Column({ name: 'failures', type: 'integer', default: 0 }) failures!: number;
  /** The run's first failure (closed) or when the breaker opened. */
  @Column({ name: 'since', type: 'timestamptz', nullable: true }) since!: Date | null;
  /** Open: when a call may probe; half-open: when the probe's lease runs out. */
  @Column({ name: 'probe_at', type: 'timestamptz', nullable: true }) probeAt!: Date | null;
  @Column({ name: 'wait_ms', type: 'integer', default: 0 }) waitMs!: number;
  /** The last failure's message (Meta's, redacted by the Graph client), for the health card. */
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
