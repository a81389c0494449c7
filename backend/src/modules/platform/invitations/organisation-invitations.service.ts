import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { CreatedInvitationDto, InvitationPreviewDto, PendingInvitationDto, Role } from '@legeai/contracts';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Principal } from '../../../common/auth/principal';
import { OrganisationSuspendedError } from '../../../common/errors/organisation-suspended.error';
import { appConfig } from '../../../config/app.config';
import { authConfig } from '../../../config/auth.config';
import { AuditService } from '../../audit';
import { OrganisationsService } from '../../organisations';
import { UsersService } from '../../users';
import { OrganisationInvitation } from '../entities/organisation-invitation.entity';
import { invitationRefusal } from './invitation-state';
import { generateInvitationToken, hashInvitationToken, looksLikeInvitationToken } from './invitation-token';

/** Where the console takes an invitation: the token rides in the fragment, which browsers never send to a server. */
export const INVITATION_PAGE = 'invitation';

/** An invitation that may be used now, with its organisation's name. */
export interface UsableInvitation {
  invitation: OrganisationInvitation;
  organisationName: string;
}

/**
 * Invitations into organisations: made by platform administrators (an organisation's first admin), single use,
 * expiring after INVITATION_TTL_HOURS, revocable until used; only the token's hash is stored. Accepting gives the invited email's account a
 * membership (creating the account when there is none); signing that account in is the auth module's.
 */
@Injectable()
export class OrganisationInvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(authConfig.KEY) private readonly auth: ConfigType<typeof authConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, organisationId: string, email: string): Promise<CreatedInvitationDto> {
    const org = await this.organisations.findById(organisationId);
    if (!org) throw new NotFoundException('Organisation not found');
    const address = email.trim().toLowerCase();
    const account = await this.users.findByEmail(address);
    if (account && (await this.users.membershipsOf(account.id)).some((m) => m.organisationId === organisationId)) {
      throw new ConflictException('This email is already a member of the organisation');
    }
    const { token, hash } = generateInvitationToken();
    const expiresAt = new Date(Date.now() + this.auth.invitationTtlSeconds * 1000);
    const invitation = await this.db.transaction(async (m) => {
      const repo = m.getRepository(OrganisationInvitation);
      const row = await repo.save(
        repo.create({ organisationId, email: address, role: Role.Admin, tokenHash: hash, expiresAt, invitedBy: principal.id }),
      );
      await this.audit.record(
        {
          organisationId,
          actorType: 'user',
          actorId: principal.id,
          action: 'invitation.created',
          targetType: 'invitation',
          targetId: row.id,
          details: { email: address, role: Role.Admin, expiresAt: expiresAt.toISOString(), byPlatformAdmin: true },
          ip: principal.ip,
        },
        m,
      );
      return row;
    });
    return {
      id: invitation.id,
      email: address,
      expiresAt: expiresAt.toISOString(),
      token,
      link: `${this.app.publicUrl}/${INVITATION_PAGE}#${token}`,
    };
  }

  /** Invitations neither accepted, revoked nor expired, per organisation. */
  async pendingCounts(): Promise<Map<string, number>> {
    const rows: { organisation_id: string; n: number }[] = await this.db.query(
      `SELECT organisation_id, count(*)::int AS n FROM organisation_invitations
        WHERE accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now() GROUP BY organisation_id`,
    );
    return new Map(rows.map((r) => [r.organisation_id, r.n]));
  }

  /** The organisation's invitations that may still be used, newest first, with who made them. */
  async listPending(organisationId: string): Promise<PendingInvitationDto[]> {
    if (!(await this.organisations.findById(organisationId))) throw new NotFoundException('Organisation not found');
    const rows = await this.db
      .getRepository(OrganisationInvitation)
      .createQueryBuilder('i')
      .where('i.organisation_id = :organisationId', { organisationId })
      .andWhere('i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()')
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .getMany();
    const names = await this.users.accountNames([...new Set(rows.flatMap((r) => (r.invitedBy ? [r.invitedBy] : [])))]);
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      role: r.role,
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      invitedByName: (r.invitedBy && names.get(r.invitedBy)) ?? null,
    }));
  }

  /**
   * Revokes an invitation not used yet, so its link answers 410 like a used one; audited on the organisation. An id
   * of another organisation is 404; a used invitation is 409 (the member is removed in Users instead). Revoking one
   * already revoked changes nothing and answers the same.
   */
  async revoke(principal: Principal, organisationId: string, invitationId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const repo = m.getRepository(OrganisationInvitation);
      const invitation = await repo.findOne({ where: { id: invitationId, organisationId }, lock: { mode: 'pessimistic_write' } });
      if (!invitation) throw new NotFoundException('Invitation not found');
      if (invitation.acceptedAt) throw new ConflictException('This invitation was already used; remove the member in Users instead');
      if (invitation.revokedAt) return;
      await repo.update({ id: invitation.id }, { revokedAt: new Date(), revokedBy: principal.id });
      await this.audit.record(
        {
          organisationId,
          actorType: 'user',
          actorId: principal.id,
          action: 'invitation.revoked',
          targetType: 'invitation',
          targetId: invitation.id,
          details: { email: invitation.email, role: invitation.role, byPlatformAdmin: true },
          ip: principal.ip,
        },
        m,
      );
    });
  }

  /** What a link invites to; refused (404/410/403) when it is unknown, used, expired, or its organisation suspended. */
  async preview(token: unknown): Promise<InvitationPreviewDto> {
    const { invitation, organisationName } = await this.usable(token);
    return {
      organisationName,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
      accountExists: (await this.users.findByEmail(invitation.email)) !== null,
    };
  }

  /** The invitation of a token, when it can be used now. */
  async usable(token: unknown, manager?: EntityManager): Promise<UsableInvitation> {
    const invitation = looksLikeInvitationToken(token)
      ? await (manager ?? this.db.manager)
          .getRepository(OrganisationInvitation)
          .findOne({ where: { tokenHash: hashInvitationToken(token) }, lock: manager ? { mode: 'pessimistic_write' } : undefined })
      : null;
    const refusal = invitationRefusal(invitation, new Date());
    if (refusal) throw refusal;
    const org = await this.organisations.findById(invitation!.organisationId, manager);
    if (!org) throw invitationRefusal(null, new Date())!;
    if (org.suspendedAt) throw new OrganisationSuspendedError(`The organisation ${org.name}`);
    return { invitation: invitation!, organisationName: org.name };
  }

  /**
   * Uses the invitation once, in one transaction: the row is locked, checked again, `join` makes the account a
   * member (or creates it), and the invitation is marked accepted. A second use, even a concurrent one, finds it used.
   */
  async accept(
    token: unknown,
    join: (invitation: OrganisationInvitation, m: EntityManager) => Promise<string>,
  ): Promise<OrganisationInvitation> {
    return this.db.transaction(async (m) => {
      const { invitation } = await this.usable(token, m);
      const userId = await join(invitation, m);
      await m
        .getRepository(OrganisationInvitation)
        .update({ id: invitation.id, acceptedAt: IsNull() }, { acceptedAt: new Date(), acceptedBy: userId });
      await this.audit.record(
        {
          organisationId: invitation.organisationId,
          actorType: 'user',
          actorId: userId,
          action: 'invitation.accepted',
          targetType: 'invitation',
          targetId: invitation.id,
          details: { email: invitation.email, role: invitation.role },
        },
        m,
      );
      return invitation;
    });
  }
}
