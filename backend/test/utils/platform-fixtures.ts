import { AccessTokenResponse, CreatedInvitationDto, PlatformOrganisationDto } from '@legeai/contracts';
import type { Response } from 'supertest';
import { TestApp } from './create-test-app';
import { PASSWORD, refreshCookieOf, SignedInUser } from './identity-fixtures';

/** The user a sign-in-like answer (login, invitation accepted, switch) signed in. */
export function signedInFrom(res: Response, email: string, refreshCookie?: string): SignedInUser {
  const body = res.body as AccessTokenResponse;
  return {
    id: body.user.id,
    email,
    organisationId: body.user.organisationId,
    accessToken: body.accessToken,
    refreshCookie: refreshCookieOf(res) ?? refreshCookie ?? '',
    auth: { Authorization: `Bearer ${body.accessToken}` },
  };
}

/** A platform administrator creates an organisation through the API. */
export async function createOrganisation(t: TestApp, platformAdmin: SignedInUser, name: string): Promise<PlatformOrganisationDto> {
  const res = await t.http.post('/v1/platform/organisations').set(platformAdmin.auth).send({ name });
  if (res.status !== 201) throw new Error(`create organisation → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as PlatformOrganisationDto;
}

export async function invite(
  t: TestApp,
  platformAdmin: SignedInUser,
  organisationId: string,
  email: string,
): Promise<CreatedInvitationDto> {
  const res = await t.http.post(`/v1/platform/organisations/${organisationId}/invitations`).set(platformAdmin.auth).send({ email });
  if (res.status !== 201) throw new Error(`invite → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CreatedInvitationDto;
}

/** Accepts an invitation (a new account sets a name and PASSWORD; an existing one gives its password): signed in. */
export async function accept(
  t: TestApp,
  token: string,
  email: string,
  body: { name?: string; password?: string } = {},
): Promise<SignedInUser> {
  const res = await t.http
    .post('/v1/auth/invitations/accept')
    .send({ token, password: body.password ?? PASSWORD, ...(body.name ? { name: body.name } : {}) });
  if (res.status !== 200) throw new Error(`accept → ${res.status} ${JSON.stringify(res.body)}`);
  return signedInFrom(res, email);
}

/** An organisation made the way a deployment makes one: created, its first admin invited, the invitation accepted. */
export async function organisationByInvitation(
  t: TestApp,
  platformAdmin: SignedInUser,
  name: string,
): Promise<{ org: PlatformOrganisationDto; admin: SignedInUser }> {
  const org = await createOrganisation(t, platformAdmin, name);
  const email = `first-admin@${name.toLowerCase().replace(/\W+/g, '')}.test`;
  const invitation = await invite(t, platformAdmin, org.id, email);
  return { org, admin: await accept(t, invitation.token, email, { name: `${name} admin` }) };
}
