import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A tenant. Every membership, API key, Meta connection and lead belongs to exactly one. */
@Entity({ name: 'organisations' })
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** ISO 4217 code premiums are in when no ad account of the lead's Page says otherwise; null until an admin sets it. */
  @Column({ name: 'default_currency', type: 'char', length: 3, nullable: true })
  defaultCurrency!: string | null;

  /** Set while a platform administrator has it suspended: no sign-in into it, its API keys refused, its leads parked. */
  @Column({ name: 'suspended_at', type: 'timestamptz', nullable: true })
  suspendedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
