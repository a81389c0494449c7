import { AccessTokenResponse, REFRESH_COOKIE, Role } from '@legeai/contracts';
import type { Response } from 'supertest';
import { Organisation } from '../../src/modules/organisations/entities/organisation.entity';
import { OrganisationsService } from '../../src/modules/organisations/organisations.service';
import { UsersService } from '../../src/modules/users/users.service';
import { TestApp } from './create-test-app';

/** The first admin createTestApp's environment makes (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const FIRST_ADMIN = { email: 'admin@example.test', password: 'correct-horse-battery-staple' };
export const PASSWORD = 'a-long-enough-test-password';

export interface SignedInUser {
  id: string;
  email: string;
  organisationId: string;
  accessToken: string;
  /** `lg_refresh=<token>`, ready for a Cookie header. */
  refreshCookie: string;
  auth: { Authorization: string };
}

export async function login(t: TestApp, email: string, password = PASSWORD): Promise<SignedInUser> {
  const res = await t.http.post('/v1/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email} → ${res.status} ${JSON.stringify(res.body)}`);
  const body = res.body as AccessTokenResponse;
  return {
    id: body.user.id,
    email,
    organisationId: body.user.organisationId,
    accessToken: body.accessToken,
    refreshCookie: refreshCookieOf(res)!,
    auth: { Authorization: `Bearer ${body.accessToken}` },
  };
}

/** The `lg_refresh=<value>` pair set by a response, or undefined when none (or a clearing one) was set. */
export function refreshCookieOf(res: Response): string | undefined {
  const raw = res.headers['set-cookie'] as unknown as string[] | undefined;
  const line = raw?.find((c) => c.startsWith(`${REFRESH_COOKIE}=`));
  const pair = line?.split(';')[0];
  return pair && pair !== `${REFRESH_COOKIE}=` ? pair : undefined;
}

export function setCookieLine(res: Response, name: string): string | undefined {
  const raw = res.headers['set-cookie'] as unknown as string[] | undefined;
  return raw?.find((c) => c.startsWith(`${name}=`));
}

/** Creates a user through the admin API and signs them in. */
export async function createUserAndLogin(t: TestApp, admin: SignedInUser, role: Role, email?: string): Promise<SignedInUser> {
  const address = email ?? `${role}-${Math.random().toString(36).slice(2, 10)}@example.test`;
  const res = await t.http
    .post('/v1/users')
    .set(admin.auth)
    .send({ email: address, name: `Test ${role}`, role, password: PASSWORD });
  if (res.status !== 201) throw new Error(`create user → ${res.status} ${JSON.stringify(res.body)}`);
  return login(t, address);
}

/** The first admin, and a manager and a viewer they create in the same organisation, each signed in. */
export async function signInAdminManagerViewer(t: TestApp): Promise<{ admin: SignedInUser; manager: SignedInUser; viewer: SignedInUser }> {
  const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
  const manager = await createUserAndLogin(t, admin, Role.Manager);
  const viewer = await createUserAndLogin(t, admin, Role.Viewer);
  return { admin, manager, viewer };
}

/**
 * A second tenant with its own admin, made through the services (quicker than the platform administrator's route
 * and invitation, which platform-organisations.e2e-spec.ts covers): an account and its membership.
 */
export async function createOrganisationWithAdmin(t: TestApp, name: string): Promise<{ org: Organisation; admin: SignedInUser }> {
  const org = await t.app.get(OrganisationsService).create(name);
  const email = `admin-${Math.random().toString(36).slice(2, 10)}@${name.toLowerCase().replace(/\W+/g, '')}.test`;
  await t.app
    .get(UsersService)
    .insertUser({ organisationId: org.id, email, name: `${name} admin`, role: Role.Admin, password: PASSWORD }, async () => undefined);
  return { org, admin: await login(t, email) };
}

/** Every audit row of an organisation, oldest first. */
export async function auditActions(
  t: TestApp,
  organisationId: string,
): Promise<{ action: string; target_id: string | null; actor_type: string; details: Record<string, unknown> }[]> {
  return t.dataSource.query(`SELECT action, target_id, actor_type, details FROM audit_log WHERE organisation_id = $1 ORDER BY at, id`, [
    organisationId,
  ]);
}
