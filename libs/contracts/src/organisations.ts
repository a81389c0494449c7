import { Role } from './roles';

export interface OrganisationDto {
  id: string;
  name: string;
  createdAt: string;
  /** ISO 4217 code premiums are in when no ad account says otherwise; null until an admin sets it. */
  defaultCurrency: string | null;
}

/** `PATCH /v1/organisation` (admins). */
export interface UpdateOrganisationRequest {
  defaultCurrency?: string | null;
}

/** The state of an organisation on the deployment: a suspended one cannot be signed in to or called with its API keys. */
export type OrganisationState = 'active' | 'suspended';

/** An organisation as platform administrators see it (`GET /v1/platform/organisations`): no data of its own. */
export interface PlatformOrganisationDto {
  id: string;
  name: string;
  state: OrganisationState;
  createdAt: string;
  suspendedAt: string | null;
  /** Active members. */
  members: number;
  /** Invitations not yet accepted, not expired. */
  pendingInvitations: number;
}

/** `POST /v1/platform/organisations`. */
export interface CreateOrganisationRequest {
  name: string;
}

/** `POST /v1/platform/organisations/{id}/invitations`: invites the organisation's first (or another) admin. */
export interface CreateInvitationRequest {
  email: string;
}

/**
 * The invitation just made. `token` is shown this once (only its hash is stored); the console builds the link
 * `<console>/invitation#<token>` (the fragment never reaches a server log), `link` is the same on PUBLIC_URL.
 */
export interface CreatedInvitationDto {
  id: string;
  email: string;
  expiresAt: string;
  token: string;
  link: string;
}

/**
 * An invitation waiting to be used (`GET /v1/platform/organisations/{id}/invitations`): neither accepted, revoked nor
 * expired. Its token is never shown again; revoking it (`DELETE …/invitations/{invitationId}`) makes its link answer 410.
 */
export interface PendingInvitationDto {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  /** Who made it (a platform administrator's display name); null when that account is gone. */
  invitedByName: string | null;
}
