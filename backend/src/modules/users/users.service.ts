import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { CreateUserRequest, CurrentUser, hasContactAccess, Role, UpdateUserRequest, UserDto } from '@legeai/contracts';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { ValidationFailedError } from '../../common/errors/api-error';
import { AuditService } from '../audit';
import { SessionsService } from '../sessions';
import { OrganisationsService } from '../organisations';
import { OrganisationMembership } from './entities/organisation-membership.entity';
import { User } from './entities/user.entity';
import { MembershipWithOrganisation, OrganisationMembershipsRepository } from './organisation-memberships.repository';
import { PasswordHasher } from './password-hasher.service';
import { passwordProblem } from './password-policy';
import { userChangeConflict } from './user-change.rules';
import { normaliseEmail, toUserDto } from './user.mapper';

const UNIQUE_VIOLATION = '23505';

/**
 * Console users as one organisation sees them: accounts (global, one per email) and their memberships of the
 * caller's organisation (role, active, contact details grant). Admins manage memberships of their organisation only.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly memberships: OrganisationMembershipsRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal): Promise<UserDto[]> {
    const members = await this.dataSource.getRepository(OrganisationMembership).find({
      where: { organisationId: principal.organisationId },
      order: { createdAt: 'ASC', userId: 'ASC' },
    });
    const users = await this.accounts(members.map((m) => m.userId));
    return members.flatMap((m) => {
      const user = users.get(m.userId);
      return user ? [toUserDto(user, m)] : [];
    });
  }

  /**
   * Adds a user to the caller's organisation: a new account (the password is required then), or, when the email
   * already has an account, a membership of it (its name and password stay the account's own).
   */
  async create(principal: Principal, request: CreateUserRequest): Promise<UserDto> {
    const existing = await this.findByEmail(request.email);
    if (!existing) {
      if (!request.password) throw new BadRequestException('A password is required for a new account');
      const user = await this.insertUser(
        { organisationId: principal.organisationId, ...request, password: request.password },
        (created, m) =>
          this.audit.recordBy(
            principal,
            'user.created',
            { type: 'user', id: created.id },
            { before: null, after: { name: created.name, email: created.email, role: request.role } },
            m,
          ),
      );
      const membership = (await this.memberships.find(user.id, principal.organisationId))!;
      return toUserDto(user, membership);
    }
    const membership = await this.dataSource.transaction(async (m) => {
      const added = await this.addMembership(existing.id, principal.organisationId, request.role, m);
      await this.audit.recordBy(
        principal,
        'user.membership_added',
        { type: 'user', id: existing.id },
        { email: existing.email, existingAccount: true, before: null, after: { role: request.role } },
        m,
      );
      return added;
    });
    return toUserDto(existing, membership);
  }

  /**
   * Creates an account and its membership of `organisationId` after checking the password policy. Also used to
   * create the first admin and by invitations. `audit` runs in the same transaction, so a user never exists without
   * its audit entry.
   */
  async insertUser(
    fields: { organisationId: string; email: string; name: string; role: Role; password: string; platformAdmin?: boolean },
    audit: (user: User, manager: EntityManager) => Promise<void>,
    manager?: EntityManager,
  ): Promise<User> {
    const email = normaliseEmail(fields.email);
    const problem = passwordProblem(fields.password, email);
    if (problem) throw new ValidationFailedError([{ field: 'password', messages: [problem] }]);
    const passwordHash = await this.hasher.hash(fields.password);
    const run = async (m: EntityManager): Promise<User> => {
      const repo = m.getRepository(User);
      const user = await repo.save(
        repo.create({ email, name: fields.name.trim(), passwordHash, platformAdmin: fields.platformAdmin ?? false }),
      );
      await this.memberships.insert({ userId: user.id, organisationId: fields.organisationId, role: fields.role }, m);
      await audit(user, m);
      return user;
    };
    try {
      return await (manager ? run(manager) : this.dataSource.transaction(run));
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictException('A user with this email already exists');
      }
      throw err;
    }
  }

  /** Makes an existing account a member of the organisation; 409 when it already is one. */
  async addMembership(userId: string, organisationId: string, role: Role, manager: EntityManager): Promise<OrganisationMembership> {
    if (await this.memberships.find(userId, organisationId, manager)) {
      throw new ConflictException('This user is already a member of the organisation');
    }
    try {
      return await this.memberships.insert({ userId, organisationId, role }, manager);
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictException('This user is already a member of the organisation');
      }
      throw err;
    }
  }

  async update(principal: Principal, userId: string, change: UpdateUserRequest): Promise<UserDto> {
    const { user, membership } = await this.dataSource.transaction(async (m) => {
      // Lock the organisation's active admins first: two admins demoting each other at once must not leave the
      // organisation with none.
      const admins = await this.memberships.lockActiveAdmins(principal.organisationId, m);
      const target = await this.memberships.lock(userId, principal.organisationId, m);
      const account = target ? await m.getRepository(User).findOneBy({ id: userId }) : null;
      if (!target || !account) throw new NotFoundException('User not found');

      const conflict = userChangeConflict({
        actorId: principal.id,
        target: { id: userId, role: target.role, active: target.active },
        change,
        activeAdminCount: admins.length,
      });
      if (conflict) throw new ConflictException(conflict);

      const facts = () => ({ name: account.name, role: target.role, active: target.active, canExportContacts: target.canExportContacts });
      const before = facts();
      if (change.name !== undefined) account.name = change.name.trim();
      if (change.role !== undefined) target.role = change.role;
      if (change.active !== undefined) target.active = change.active;
      if (change.canExportContacts !== undefined) target.canExportContacts = change.canExportContacts;
      const changed = changedFields(before, facts());
      if (!changed) return { user: account, membership: target };

      if (before.name !== account.name) await m.getRepository(User).update({ id: account.id }, { name: account.name });
      await this.memberships.save(target, m);
      // Deactivated here: the sessions signed in to this organisation end; the user's other organisations go on.
      if (before.active && !target.active) await this.sessions.revokeForUserIn(userId, principal.organisationId, m);
      await this.audit.recordBy(principal, 'user.updated', { type: 'user', id: account.id }, { email: account.email, ...changed }, m);
      return { user: account, membership: target };
    });
    // Role or status changes must reach the access guard now, not when cached session facts expire.
    this.sessions.forgetUser(user.id);
    return toUserDto(user, membership);
  }

  async currentUser(userId: string, organisationId: string): Promise<CurrentUser> {
    const [user, membership] = await Promise.all([this.users.findOneBy({ id: userId }), this.memberships.find(userId, organisationId)]);
    if (!user || !membership) throw new NotFoundException('User not found');
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: membership.role,
      organisationId,
      organisationName: await this.organisations.nameOf(organisationId),
      canSeeContacts: hasContactAccess(membership.role, membership.canExportContacts),
      platformAdmin: user.platformAdmin,
    };
  }

  /**
   * Whether the caller may see and export leads' contact details: by role (admins, managers; API keys by their
   * role alone), or, for a viewer, by an admin's grant read now, so a withdrawn grant holds at the next request.
   */
  async hasContactAccess(principal: Principal): Promise<boolean> {
    if (hasContactAccess(principal.role, false) || principal.kind !== 'user') return hasContactAccess(principal.role, false);
    const membership = await this.memberships.find(principal.id, principal.organisationId);
    return membership?.canExportContacts === true;
  }

  /**
   * Display names of the organisation's users, for showing who did something. Pass the caller's transaction manager:
   * a read on another connection while a transaction holds one takes two of the pool's connections per request.
   */
  async namesOf(organisationId: string, ids: readonly string[], manager?: EntityManager): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT u.id, u.name FROM users u JOIN organisation_memberships m ON m.user_id = u.id AND m.organisation_id = $1
        WHERE u.id = ANY($2::uuid[])`,
      [organisationId, [...ids]],
    );
    return new Map(rows.map((u) => [u.id, u.name]));
  }

  /**
   * The organisation's active members with their role in it: who alerts and notices may reach. The one place that
   * says who belongs to an organisation for alerts.
   */
  async activeMembers(organisationId: string): Promise<{ id: string; email: string; name: string; role: Role }[]> {
    const rows: { id: string; email: string; name: string; role: Role }[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, m.role FROM users u JOIN organisation_memberships m ON m.user_id = u.id
        WHERE m.organisation_id = $1 AND m.active ORDER BY u.name, u.id`,
      [organisationId],
    );
    return rows;
  }

  /** The user's memberships with their organisations (the switcher, sign-in). */
  membershipsOf(userId: string, manager?: EntityManager): Promise<MembershipWithOrganisation[]> {
    return this.memberships.ofUser(userId, manager);
  }

  /** Active members per organisation (platform administrators' list). */
  activeMemberCounts(): Promise<Map<string, number>> {
    return this.memberships.activeCounts();
  }

  /** Any user by id, across organisations: for the auth flow, which starts from a token rather than a principal. */
  findById(userId: string): Promise<User | null> {
    return this.users.findOneBy({ id: userId });
  }

  /** Display names of accounts in any organisation (who made a platform action, e.g. an invitation). */
  async accountNames(ids: readonly string[]): Promise<Map<string, string>> {
    return new Map([...(await this.accounts(ids))].map(([id, u]) => [id, u.name]));
  }

  /** The account with this email, in any organisation. */
  findByEmail(email: string, manager?: EntityManager): Promise<User | null> {
    const repo = manager ? manager.getRepository(User) : this.users;
    return repo
      .createQueryBuilder('u')
      .where('lower(u.email) = :email', { email: normaliseEmail(email) })
      .getOne();
  }

  /** Makes the accounts with these emails platform administrators (PLATFORM_ADMIN_EMAILS); returns those changed. */
  async grantPlatformAdmin(emails: readonly string[]): Promise<string[]> {
    if (emails.length === 0) return [];
    const rows: { email: string }[][] = await this.dataSource.query(
      `UPDATE users SET platform_admin = true, updated_at = now()
        WHERE lower(email) = ANY($1::text[]) AND NOT platform_admin RETURNING email`,
      [emails.map(normaliseEmail)],
    );
    return (rows[0] ?? []).map((r) => r.email);
  }

  async countAll(manager?: EntityManager): Promise<number> {
    return (manager ?? this.dataSource.manager).getRepository(User).count();
  }

  private async accounts(ids: readonly string[]): Promise<Map<string, User>> {
    if (ids.length === 0) return new Map();
    const rows = await this.users.find({ where: { id: In([...ids]) } });
    return new Map(rows.map((u) => [u.id, u]));
  }
}

/** The fields that differ, as they were and as they became; null when nothing changed. */
function changedFields<T extends Record<string, unknown>>(before: T, after: T): { before: Partial<T>; after: Partial<T> } | null {
  const keys = Object.keys(before).filter((key) => before[key] !== after[key]);
  if (keys.length === 0) return null;
  const pick = (state: T) => Object.fromEntries(keys.map((key) => [key, state[key]])) as Partial<T>;
  return { before: pick(before), after: pick(after) };
}
