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
}

/** Who a request acts as: a console user (via access token) or an organisation API key. */
export type PrincipalKind = 'user' | 'api_key';
