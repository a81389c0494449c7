import { OrganisationState, Role } from '@legeai/contracts';

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  [Role.Admin]: 'Admin',
  [Role.Manager]: 'Manager',
  [Role.Viewer]: 'Viewer',
};

/** The people who hold a role or a more privileged one, for sentences such as "Managers and admins can …". */
export const ROLE_HOLDERS: Readonly<Record<Role, string>> = {
  [Role.Admin]: 'Admins',
  [Role.Manager]: 'Managers and admins',
  [Role.Viewer]: 'Everyone',
};

/** An organisation's state on the deployment (Platform → Organisations). */
export const ORGANISATION_STATE_LABELS: Readonly<Record<OrganisationState, string>> = {
  active: 'Active',
  suspended: 'Suspended',
};
