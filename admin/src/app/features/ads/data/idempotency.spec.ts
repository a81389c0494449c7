import { IdempotencyKeys, newIdempotencyKey } from './idempotency';

describe('idempotency keys', () => {
  it('are random version 4 UUIDs', () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(key);
  });

  it('reuse the key when the same action is sent again, and give a new one once it succeeded', () => {
    const keys = new IdempotencyKeys();
    const first = keys.keyFor('status:c-1', { status: 'PAUSED' });
    expect(keys.keyFor('status:c-1', { status: 'PAUSED' })).toBe(first);

    keys.settle('status:c-1');
    expect(keys.keyFor('status:c-1', { status: 'PAUSED' })).not.toBe(first);
  });

  it('give other values or another action a key of their own', () => {
    const keys = new IdempotencyKeys();
    const pause = keys.keyFor('status:c-1', { status: 'PAUSED' });
    expect(keys.keyFor('status:c-2', { status: 'PAUSED' })).not.toBe(pause);
    expect(keys.keyFor('status:c-1', { status: 'ACTIVE' })).not.toBe(pause);
  });
});
