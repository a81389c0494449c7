import { Role } from '@legeai/contracts';

export interface UserChangeFacts {
  actorId: string;
  target: { id: string; role: Role; active: boolean };
  change: { role?: Role; active?: boolean };
  /** Active admins of the organisation right now, the target included if it is one. */
  activeAdminCount: number;
}

/**
 * Why an admin's change to a user must be refused, or null when it is allowed. An organisation always keeps an
 * active admin (otherwise nobody could manage it), and an admin cannot lock themself out by accident.
 */
export function userChangeConflict({ actorId, target, change, activeAdminCount }: UserChangeFacts): string | null {
  const deactivates = change.active === false && target.active;
  const changesRole = change.role !== undefined && change.role !== target.role;
  if (target.id === actorId) {
    if (deactivates) return 'You cannot deactivate your own account';
    if (changesRole) return 'You cannot change your own role; ask another admin';
  }
  const removesAnAdmin = target.active && target.role === Role.Admin && (deactivates || changesRole);
  if (removesAnAdmin && activeAdminCount <= 1) {
    return 'This is the last active admin of the organisation; make another user admin first';
  }
  return null;
}
