import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { CreateUserRequest, CurrentUser, hasContactAccess, Role, UpdateUserRequest, UserDto } from '@legeai/contracts';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { ValidationFailedError } from '../../common/errors/api-error';
import { AuditService } from '../audit';
import { SessionsService } from '../sessions';
import { OrganisationsService } from '../organisations';
import { User } from './entities/user.entity';
import { PasswordHasher } from './password-hasher.service';
import { passwordProblem } from './password-policy';
import { userChangeConflict } from './user-change.rules';
import { normaliseEmail, toUserDto } from './user.mapper';

const UNIQUE_VIOLATION = '23505';

/** Console user administration within the caller's organisation. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal): Promise<UserDto[]> {
    const rows = await this.users.find({
      where: { organisationId: principal.organisationId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toUserDto);
  }

  async create(principal: Principal, request: CreateUserRequest): Promise<UserDto> {
    const user = await this.insertUser({ organisationId: principal.organisationId, ...request }, (created, m) =>
      this.audit.recordBy(
        principal,
        'user.created',
        { type: 'user', id: created.id },
        { before: null, after: { name: created.name, email: created.email, role: created.role } },
        m,
      ),
    );
    return toUserDto(user);
  }

  /**
   * Creates a user after checking the password policy. Also used to create the first admin. `audit` runs in the
   * same transaction, so a user never exists without its audit entry.
   */
  async insertUser(
    fields: { organisationId: string; email: string; name: string; role: Role; password: string },
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
        repo.create({ organisationId: fields.organisationId, email, name: fields.name.trim(), role: fields.role, passwordHash }),
      );
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

  async update(principal: Principal, userId: string, change: UpdateUserRequest): Promise<UserDto> {
    const updated = await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(User);
      // Lock the organisation's active admins first (always in id order, so concurrent changes cannot deadlock):
      // two admins demoting each other at once must not leave the organisation with none.
      const admins = await repo.find({
        where: { organisationId: principal.organisationId, role: Role.Admin, active: true },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const target = await repo.findOne({
        where: { id: userId, organisationId: principal.organisationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!target) throw new NotFoundException('User not found');

      const conflict = userChangeConflict({
        actorId: principal.id,
        target,
        change,
        activeAdminCount: admins.length,
      });
      if (conflict) throw new ConflictException(conflict);

      const facts = (u: User) => ({ name: u.name, role: u.role, active: u.active, canExportContacts: u.canExportContacts });
      const before = facts(target);
      if (change.name !== undefined) target.name = change.name.trim();
      if (change.role !== undefined) target.role = change.role;
      if (change.active !== undefined) target.active = change.active;
      if (change.canExportContacts !== undefined) target.canExportContacts = change.canExportContacts;
      const changed = changedFields(before, facts(target));
      if (!changed) return target;

      await repo.save(target);
      if (before.active && !target.active) await this.sessions.revokeAllForUser(target.id, m);
      await this.audit.recordBy(principal, 'user.updated', { type: 'user', id: target.id }, { email: target.email, ...changed }, m);
      return target;
    });
    // Role or status changes must reach the access guard now, not when cached session facts expire.
    this.sessions.forgetUser(updated.id);
    return toUserDto(updated);
  }

  async currentUser(userId: string, organisationId: string): Promise<CurrentUser> {
    const user = await this.users.findOneBy({ id: userId, organisationId });
    if (!user) throw new NotFoundException('User not found');
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      organisationId: user.organisationId,
      organisationName: await this.organisations.nameOf(user.organisationId),
      canSeeContacts: hasContactAccess(user.role, user.canExportContacts),
    };
  }

  /**
   * Whether the caller may see and export leads' contact details: by role (admins, managers; API keys by their
   * role alone), or, for a viewer, by an admin's grant read now, so a withdrawn grant holds at the next request.
   */
  async hasContactAccess(principal: Principal): Promise<boolean> {
    if (hasContactAccess(principal.role, false) || principal.kind !== 'user') return hasContactAccess(principal.role, false);
    const user = await this.users.findOne({
      where: { id: principal.id, organisationId: principal.organisationId },
      select: { id: true, canExportContacts: true },
    });
    return user?.canExportContacts === true;
  }

  /**
   * Display names of the organisation's users, for showing who did something. Pass the caller's transaction manager:
   * a read on another connection while a transaction holds one takes two of the pool's connections per request.
   */
  async namesOf(organisationId: string, ids: readonly string[], manager?: EntityManager): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const repo = manager ? manager.getRepository(User) : this.users;
    const rows = await repo.find({ where: { organisationId, id: In([...ids]) }, select: { id: true, name: true } });
    return new Map(rows.map((u) => [u.id, u.name]));
  }

  /**
   * The organisation's active users with their role in it: who alerts and notices may reach. The one place that says
   * who belongs to an organisation for alerts, so memberships change only this statement.
   */
  async activeMembers(organisationId: string): Promise<{ id: string; email: string; name: string; role: Role }[]> {
    return this.users.find({ where: { organisationId, active: true }, select: { id: true, email: true, name: true, role: true } });
  }

  /** Any user by id, across organisations: for the auth flow, which starts from a token rather than a principal. */
  findById(userId: string): Promise<User | null> {
    return this.users.findOneBy({ id: userId });
  }

  async countAll(manager?: EntityManager): Promise<number> {
    return (manager ?? this.dataSource.manager).getRepository(User).count();
  }
}

/** The fields that differ, as they were and as they became; null when nothing changed. */
function changedFields<T extends Record<string, unknown>>(before: T, after: T): { before: Partial<T>; after: Partial<T> } | null {
  const keys = Object.keys(before).filter((key) => before[key] !== after[key]);
  if (keys.length === 0) return null;
  const pick = (state: T) => Object.fromEntries(keys.map((key) => [key, state[key]])) as Partial<T>;
  return { before: pick(before), after: pick(after) };
}
