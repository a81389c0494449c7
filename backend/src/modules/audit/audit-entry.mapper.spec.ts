import { actorOf, splitChange } from './audit-entry.mapper';
import { withoutSecrets } from './audit-secrets';

describe('audit entry mapping', () => {
  it('takes before and after out of the facts', () => {
    expect(splitChange({ reason: 'x', before: { status: 'won' }, after: { status: 'new' } })).toEqual({
      details: { reason: 'x' },
      before: { status: 'won' },
      after: { status: 'new' },
    });
    expect(splitChange({ before: null, after: { name: 'k' } })).toEqual({ details: {}, before: null, after: { name: 'k' } });
  });

  it('reads the shapes older entries were written in as before and after', () => {
    expect(splitChange({ changes: { role: { from: 'viewer', to: 'manager' } } })).toEqual({
      details: {},
      before: { role: 'viewer' },
      after: { role: 'manager' },
    });
    expect(splitChange({ status: 'won', from: { premiumValue: '1' }, to: { premiumValue: '2' } })).toEqual({
      details: { status: 'won' },
      before: { premiumValue: '1' },
      after: { premiumValue: '2' },
    });
    // Ads writes keep the Graph params under `changes`, beside a before and after: those win.
    expect(splitChange({ changes: { status: 'PAUSED' }, before: { status: 'ACTIVE' }, after: { status: 'PAUSED' } }).details).toEqual({
      changes: { status: 'PAUSED' },
    });
    expect(splitChange({ from: 'new', to: 'won' })).toEqual({ details: { from: 'new', to: 'won' }, before: null, after: null });
  });

  it('names the actor now, else as when the entry was written, else by what they were', () => {
    const row = { actorType: 'user' as const, actorId: 'u1', actorName: 'Old name' };
    expect(actorOf(row, { name: 'New name', detail: 'a@b.c' })).toEqual({ name: 'New name', detail: 'a@b.c' });
    expect(actorOf(row, undefined)).toEqual({ name: 'Old name', detail: null });
    expect(actorOf({ ...row, actorName: null }, undefined)).toEqual({ name: 'Deleted user', detail: null });
    expect(actorOf({ actorType: 'api_key', actorId: 'k', actorName: null }, undefined).name).toBe('Deleted API key');
    expect(actorOf({ actorType: 'system', actorId: null, actorName: null }, undefined)).toEqual({ name: 'System', detail: null });
  });

  it('drops secret-named fields at any depth, keeping the ones that only describe a secret', () => {
    const clean = withoutSecrets({
      name: 'k',
      password: 'p',
      after: { accessToken: 't', keyHash: 'h', tokenStored: false, nested: [{ client_secret: 's', ok: 1 }] },
    });
    expect(clean).toEqual({ name: 'k', after: { tokenStored: false, nested: [{ ok: 1 }] } });
  });
});
