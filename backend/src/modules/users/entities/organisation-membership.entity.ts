import { Role } from '@legeai/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A user's place in one organisation: their role there, whether it is active, and the contact details grant. */
@Entity({ name: 'organisation_memberships' })
export class OrganisationMembership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'enum', enum: Role, enumName: 'access_role' })
  role!: Role;

  /** Whether the user may sign in to this organisation; deactivating ends their sessions in it. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** An admin's grant of the contact details permission; admins and managers have it by role. */
  @Column({ name: 'can_export_contacts', type: 'boolean', default: false })
  canExportContacts!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
