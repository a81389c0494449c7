import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PlatformOrganisationDto } from '@legeai/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { AuditService } from '../audit';
import { Organisation, OrganisationsService, OrganisationStateListeners } from '../organisations';
import { SessionsService } from '../sessions';
import { UsersService } from '../users';
import { OrganisationInvitationsService } from './invitations/organisation-invitations.service';

/**
 * The deployment's organisations as platform administrators manage them: list, create, suspend, reactivate. None of
 * an organisation's data is reachable from here; a platform administrator sees it only as a member.
 */
@Injectable()
export class PlatformOrganisationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
    private readonly invitations: OrganisationInvitationsService,
    private readonly sessions: SessionsService,
    private readonly stateListeners: OrganisationStateListeners,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<PlatformOrganisationDto[]> {
    const [orgs, members, pending] = await Promise.all([
      this.organisations.listAll(),
      this.users.activeMemberCounts(),
      this.invitations.pendingCounts(),
    ]);
    return orgs.map((org) => toPlatformDto(org, members.get(org.id) ?? 0, pending.get(org.id) ?? 0));
  }

  async create(principal: Principal, name: string): Promise<PlatformOrganisationDto> {
    const org = await this.db.transaction(async (m) => {
      const created = await this.organisations.create(name, m);
      await this.recordOn(created.id, principal, 'organisation.created', { before: null, after: { name: created.name } }, m);
      return created;
    });
    return toPlatformDto(org, 0, 0);
  }

  /**
   * Suspends the organisation: its members' access tokens stop working at their next request (this instance at
   * once, others within the session cache's few seconds), sign-in into it and its API keys are refused, its leads
   * are parked. The organisation the caller is signed in to cannot be suspended, so nobody locks themself out.
   */
  async suspend(principal: Principal, organisationId: string): Promise<PlatformOrganisationDto> {
    if (organisationId === principal.organisationId) {
      throw new ConflictException('You cannot suspend the organisation you are signed in to; switch to another first');
    }
    return this.setSuspended(principal, organisationId, true);
  }

  reactivate(principal: Principal, organisationId: string): Promise<PlatformOrganisationDto> {
    return this.setSuspended(principal, organisationId, false);
  }

  private async setSuspended(principal: Principal, organisationId: string, suspended: boolean): Promise<PlatformOrganisationDto> {
    const changed = await this.db.transaction(async (m) => {
      const before = await this.organisations.setSuspended(organisationId, suspended, m);
      if (!before) throw new NotFoundException('Organisation not found');
      if ((before.suspendedAt !== null) === suspended) return false;
      if (suspended) {
        await this.recordOn(
          organisationId,
          principal,
          'organisation.suspended',
          { before: { state: 'active' }, after: { state: 'suspended' } },
          m,
        );
      }
      return true;
    });
    this.sessions.forgetAll();
    if (changed && !suspended) {
      // After the commit, so what the listeners start (parked leads replayed) sees the organisation active.
      const resumed = await this.stateListeners.reactivated(organisationId);
      await this.db.transaction((m) =>
        this.recordOn(
          organisationId,
          principal,
          'organisation.reactivated',
          { before: { state: 'suspended' }, after: { state: 'active' }, ...resumed },
          m,
        ),
      );
    }
    const dto = (await this.list()).find((o) => o.id === organisationId);
    if (!dto) throw new NotFoundException('Organisation not found');
    return dto;
  }

  /** Platform actions are written to the audit log of the organisation they concern, by the platform administrator. */
  private recordOn(
    organisationId: string,
    principal: Principal,
    action: string,
    details: Record<string, unknown>,
    m: EntityManager,
  ): Promise<void> {
    return this.audit.record(
      {
        organisationId,
        actorType: 'user',
        actorId: principal.id,
        action,
        targetType: 'organisation',
        targetId: organisationId,
        details: { ...details, byPlatformAdmin: true },
        ip: principal.ip,
      },
      m,
    );
  }
}

function toPlatformDto(org: Organisation, members: number, pendingInvitations: number): PlatformOrganisationDto {
  return {
    id: org.id,
    name: org.name,
    state: org.suspendedAt ? 'suspended' : 'active',
    createdAt: org.createdAt.toISOString(),
    suspendedAt: org.suspendedAt?.toISOString() ?? null,
    members,
    pendingInvitations,
  };
}
