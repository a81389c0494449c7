import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A console account. The email is stored lower-cased and is unique across all organisations (the migration adds a
 * unique index on `lower(email)`), because login asks only for an email. What the user may do in an organisation
 * (role, active, contact details grant) is their membership of it (`OrganisationMembership`).
 */
@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Argon2id PHC string; never leaves the users module. */
  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;

  /** Manages the deployment's organisations (create, suspend, invite first admins); sees none of their data by it. */
  @Column({ name: 'platform_admin', type: 'boolean', default: false })
  platformAdmin!: boolean;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  /** Consecutive failed logins; reset on success. Kept in the database so lockout holds across API instances. */
  @Column({ name: 'failed_login_count', type: 'integer', default: 0 })
  failedLoginCount!: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
