import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A pending "Connect Meta" started by a console user: the SHA-256 of the OAuth `state` sent to Meta, bound to the
 * user and organisation, usable once before it expires.
 */
@Entity({ name: 'meta_oauth_states' })
export class MetaOAuthState {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'state_hash', type: 'char', length: 64 }) stateHash!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
