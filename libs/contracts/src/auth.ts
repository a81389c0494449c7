import { Role } from './roles';

export interface LoginRequest {
  email: string;
  password: string;
}

/**
 * Answer to login and refresh. The refresh token itself never appears in a body: it travels in the httpOnly
 * `lg_refresh` cookie, so scripts in the page cannot read it.
 */
export interface AccessTokenResponse {
  accessToken: string;
  /** ISO-8601 instant at which the access token stops being accepted. */
  expiresAt: string;
  user: CurrentUser;
}

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  /** May see and export leads' contact details (admins and managers; viewers an admin granted it to). */
  canSeeContacts: boolean;
  /** May manage the deployment's organisations (Platform ▸ Organisations); gives no access to their data. */
  platformAdmin: boolean;
}

/** One organisation the signed-in user belongs to (`GET /v1/auth/organisations`). */
export interface MyOrganisationDto {
  id: string;
  name: string;
  role: Role;
  /** Suspended organisations are listed, but cannot be switched to. */
  suspended: boolean;
  /** The organisation the caller's access token is for. */
  current: boolean;
}

/** `POST /v1/auth/switch-organisation`. */
export interface SwitchOrganisationRequest {
  organisationId: string;
}

/** `POST /v1/auth/invitations/preview`: what an invitation link is for, before accepting it. */
export interface InvitationPreviewRequest {
  token: string;
}

export interface InvitationPreviewDto {
  organisationName: string;
  email: string;
  role: Role;
  expiresAt: string;
  /** Whether an account with the invited email exists: then accepting asks for its password, else for a name and a new one. */
  accountExists: boolean;
}

/**
 * `POST /v1/auth/invitations/accept`. A new account sets `name` and `password`; an existing account proves itself with
 * its `password`. Either way the caller is signed in to the invited organisation.
 */
export interface AcceptInvitationRequest {
  token: string;
  password: string;
  name?: string;
}

/** Who a request acts as: a console user (via access token) or an organisation API key. */
export type PrincipalKind = 'user' | 'api_key';
