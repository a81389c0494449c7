import { Role } from '@legeai/contracts';
import { userChangeConflict, UserChangeFacts } from './user-change.rules';

describe(userChangeConflict.name, () => {
  const admin = { id: 'admin-1', role: Role.Admin, active: true };
  const viewer = { id: 'viewer-1', role: Role.Viewer, active: true };
  const facts = (over: Partial<UserChangeFacts>): UserChangeFacts => ({
    actorId: 'admin-0',
    target: viewer,
    change: {},
    activeAdminCount: 2,
    ...over,
  });

  it('allows promoting, renaming and deactivating other users', () => {
    expect(userChangeConflict(facts({ change: { role: Role.Manager } }))).toBeNull();
    expect(userChangeConflict(facts({ change: { active: false } }))).toBeNull();
  });

  it('refuses deactivating yourself', () => {
    expect(userChangeConflict(facts({ actorId: 'admin-1', target: admin, change: { active: false } }))).toMatch(/your own account/);
  });

  it('refuses demoting yourself even when other admins exist', () => {
    expect(userChangeConflict(facts({ actorId: 'admin-1', target: admin, change: { role: Role.Viewer }, activeAdminCount: 3 }))).toMatch(
      /your own role/,
    );
  });

  it('allows setting your own role to the one you already have', () => {
    expect(userChangeConflict(facts({ actorId: 'admin-1', target: admin, change: { role: Role.Admin } }))).toBeNull();
  });

  it('refuses demoting or deactivating the last active admin', () => {
    const last = { activeAdminCount: 1, target: admin };
    expect(userChangeConflict(facts({ ...last, change: { role: Role.Manager } }))).toMatch(/last active admin/);
    expect(userChangeConflict(facts({ ...last, change: { active: false } }))).toMatch(/last active admin/);
  });

  it('allows demoting an admin when another active admin remains', () => {
    expect(userChangeConflict(facts({ target: admin, change: { role: Role.Manager }, activeAdminCount: 2 }))).toBeNull();
  });

  it('allows any change to an already inactive admin', () => {
    const inactive = { ...admin, active: false };
    expect(userChangeConflict(facts({ target: inactive, change: { role: Role.Viewer }, activeAdminCount: 1 }))).toBeNull();
  });
});
