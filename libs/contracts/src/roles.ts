/** Roles of a console user or API key inside one organisation. Ordered from most to least privileged. */
export enum Role {
  Admin = 'admin',
  Manager = 'manager',
  Viewer = 'viewer',
}

export const ROLES: readonly Role[] = [Role.Admin, Role.Manager, Role.Viewer];

const RANK: Record<Role, number> = { [Role.Admin]: 3, [Role.Manager]: 2, [Role.Viewer]: 1 };

/** Whether `held` grants at least the privileges of `required`. */
export function roleSatisfies(held: Role, required: Role): boolean {
  return RANK[held] >= RANK[required];
}
