import { AlertEventType, Role } from '@legeai/contracts';
import { channelsOf, recipientsOf, type Member } from './recipients';

const admin: Member = { id: 'a', email: 'a@x.test', name: 'A', role: Role.Admin };
const manager: Member = { id: 'm', email: 'm@x.test', name: 'M', role: Role.Manager };
const viewer: Member = { id: 'v', email: 'v@x.test', name: 'V', role: Role.Viewer };

describe(recipientsOf.name, () => {
  it('by default tells admins of connection and failure alerts in the console and by email', () => {
    for (const type of [
      AlertEventType.ReauthRequired,
      AlertEventType.TokenExpiring,
      AlertEventType.LeadsFailing,
      AlertEventType.SyncFailing,
    ]) {
      expect(channelsOf(admin, type, [])).toEqual({ inApp: true, email: true });
    }
  });

  it('by default tells managers in the console only, and viewers of a reconnect only', () => {
    expect(channelsOf(manager, AlertEventType.SyncFailing, [])).toEqual({ inApp: true, email: false });
    expect(channelsOf(viewer, AlertEventType.ReauthRequired, [])).toEqual({ inApp: true, email: false });
    expect(channelsOf(viewer, AlertEventType.SyncFailing, [])).toEqual({ inApp: false, email: false });
  });

  it("follows a user's own choice over the role's default", () => {
    const stored = [{ userId: 'a', eventType: AlertEventType.ReauthRequired, inApp: false, email: false }];
    const sut = recipientsOf([admin, manager, viewer], AlertEventType.ReauthRequired, stored);
    expect(sut.map((r) => [r.member.id, r.inApp, r.email])).toEqual([
      ['m', true, false],
      ['v', true, false],
    ]);
  });

  it('leaves out a user whose every channel is off', () => {
    const stored = [{ userId: 'm', eventType: AlertEventType.LeadsFailing, inApp: false, email: false }];
    expect(recipientsOf([manager], AlertEventType.LeadsFailing, stored)).toEqual([]);
  });

  it("a choice for one event does not change another's", () => {
    const stored = [{ userId: 'a', eventType: AlertEventType.SyncFailing, inApp: false, email: false }];
    expect(channelsOf(admin, AlertEventType.ReauthRequired, stored)).toEqual({ inApp: true, email: true });
  });
});
