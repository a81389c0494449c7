import { Role } from '@legeai/contracts';
import { SessionLivenessCache } from './session-liveness.cache';

describe(SessionLivenessCache.name, () => {
  let clock = 0;
  const live = (userId: string) => ({ userId, organisationId: 'org-1', role: Role.Viewer, platformAdmin: false });
  const make = (max = 100) => new SessionLivenessCache(1_000, max, () => clock);

  beforeEach(() => (clock = 0));

  it('answers from memory until the entry expires', () => {
    const sut = make();
    sut.set('s1', 'u1', live('u1'));
    clock = 999;
    expect(sut.get('s1')).toEqual(live('u1'));
    clock = 1_000;
    expect(sut.get('s1')).toBeUndefined();
  });

  it('remembers that a session is dead', () => {
    const sut = make();
    sut.set('s1', 'u1', null);
    expect(sut.get('s1')).toBeNull();
  });

  it('evicts every session of a user', () => {
    const sut = make();
    sut.set('s1', 'u1', live('u1'));
    sut.set('s2', 'u1', live('u1'));
    sut.set('s3', 'u2', live('u2'));
    sut.evictUser('u1');
    expect([sut.get('s1'), sut.get('s2'), sut.get('s3')]).toEqual([undefined, undefined, live('u2')]);
  });

  it("keeps a session's organisations apart, and evicts them together", () => {
    const sut = make();
    sut.set('s1', 'u1', live('u1'), 'org-1');
    sut.set('s1', 'u1', null, 'org-2');
    expect([sut.get('s1', 'org-1'), sut.get('s1', 'org-2')]).toEqual([live('u1'), null]);
    sut.evictSession('s1');
    expect([sut.get('s1', 'org-1'), sut.get('s1', 'org-2')]).toEqual([undefined, undefined]);
  });

  it('drops the oldest entry when full', () => {
    const sut = make(2);
    sut.set('s1', 'u1', live('u1'));
    sut.set('s2', 'u2', live('u2'));
    sut.set('s3', 'u3', live('u3'));
    expect(sut.get('s1')).toBeUndefined();
    expect(sut.get('s3')).toEqual(live('u3'));
  });
});
