import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role } from '@legeai/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { OrganisationMembership } from './entities/organisation-membership.entity';

/** A membership with what signing in to it needs to know of its organisation. */
export interface MembershipWithOrganisation {
  organisationId: string;
  organisationName: string;
  role: Role;
  active: boolean;
  canExportContacts: boolean;
  suspended: boolean;
}

/** Every statement on `organisation_memberships`. */
@Injectable()
export class OrganisationMembershipsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.db.manager).getRepository(OrganisationMembership);
  }

  find(userId: string, organisationId: string, manager?: EntityManager): Promise<OrganisationMembership | null> {
    return this.repo(manager).findOneBy({ userId, organisationId });
  }

  /** The user's memberships, oldest first, with their organisations' names and states. */
  async ofUser(userId: string, manager?: EntityManager): Promise<MembershipWithOrganisation[]> {
    return (manager ?? this.db.manager).query(
      `SELECT m.organisation_id AS "organisationId", o.name AS "organisationName", m.role, m.active,
              m.can_export_contacts AS "canExportContacts", o.suspended_at IS NOT NULL AS suspended
         FROM organisation_memberships m JOIN organisations o ON o.id = m.organisation_id
        WHERE m.user_id = $1
        ORDER BY m.created_at, m.organisation_id`,
      [userId],
    );
  }

  async insert(
    fields: { userId: string; organisationId: string; role: Role; canExportContacts?: boolean },
    manager?: EntityManager,
  ): Promise<OrganisationMembership> {
    const repo = this.repo(manager);
    return repo.save(repo.create({ ...fields, active: true, canExportContacts: fields.canExportContacts ?? false }));
  }

  /** The organisation's active admins, locked in id order (so concurrent changes cannot deadlock). */
  lockActiveAdmins(organisationId: string, manager: EntityManager): Promise<OrganisationMembership[]> {
    return this.repo(manager).find({
      where: { organisationId, role: Role.Admin, active: true },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  lock(userId: string, organisationId: string, manager: EntityManager): Promise<OrganisationMembership | null> {
    return this.repo(manager).findOne({ where: { userId, organisationId }, lock: { mode: 'pessimistic_write' } });
  }

  async save(membership: OrganisationMembership, manager: EntityManager): Promise<void> {
    await this.repo(manager).save(membership);
  }

  /** Active members per organisation. */
  async activeCounts(): Promise<Map<string, number>> {
    const rows: { organisation_id: string; n: number }[] = await this.db.query(
      `SELECT organisation_id, count(*)::int AS n FROM organisation_memberships WHERE active GROUP BY organisation_id`,
    );
    return new Map(rows.map((r) => [r.organisation_id, r.n]));
  }
}
