import { PrincipalKind, Role } from '@legeai/contracts';

/**
 * Who a request acts as, as established by the global access guard. Services scope every query by
 * `organisationId` taken from here, never from ids in the request, so one organisation cannot reach another's rows.
 */
export interface Principal {
  kind: PrincipalKind;
  /** User id or API key id, depending on `kind`. */
  id: string;
  organisationId: string;
  role: Role;
  /** The login session (refresh-token family) an access token belongs to; users only. */
  sessionId?: string;
  /** Whether the user is a platform administrator (manages organisations, sees none of their data by it); users only. */
  platformAdmin?: boolean;
  /** Client address of the request, kept for the audit log. */
  ip?: string;
}

/** Property of the request on which the guard leaves the principal. */
export const PRINCIPAL_REQUEST_KEY = 'principal';
