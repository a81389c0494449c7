import type { AuditActorType, AuditCategory } from '@legeai/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type { AuditActorType };

/**
 * One row of the append-only audit log. A trigger in the database refuses UPDATE, DELETE and TRUNCATE, so not even
 * a bug in this service can rewrite history.
 */
@Entity({ name: 'audit_log' })
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @Column({ name: 'actor_type', type: 'enum', enum: ['user', 'api_key', 'system'], enumName: 'audit_actor_type' })
  actorType!: AuditActorType;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  /** The actor's name when the entry was written: still readable after the user or key is gone. */
  @Column({ name: 'actor_name', type: 'varchar', length: 320, nullable: true })
  actorName!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'change' })
  category!: AuditCategory;

  @Column({ type: 'varchar', length: 100 })
  action!: string;

  @Column({ name: 'target_type', type: 'varchar', length: 50, nullable: true })
  targetType!: string | null;

  @Column({ name: 'target_id', type: 'varchar', length: 200, nullable: true })
  targetId!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  details!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  /** The request id or job that made the entry (see common/correlation). */
  @Column({ name: 'correlation_id', type: 'varchar', length: 100, nullable: true })
  correlationId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
