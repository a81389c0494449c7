import { ApiError } from '../../../common/errors/api-error';
import type { MetaAdsIdempotency } from '../entities/meta-ads-idempotency.entity';
import type { IdempotencyRepository } from '../repositories/idempotency.repository';
import { IdempotencyService, requestHash, UNFINISHED_AFTER_MS } from './idempotency.service';

describe('requestHash', () => {
  it('is the same for the same request whatever the key order, and differs by operation or body', () => {
    expect(requestHash('a', { x: 1, y: { b: 2, a: [1, 2] } })).toBe(requestHash('a', { y: { a: [1, 2], b: 2 }, x: 1 }));
    expect(requestHash('a', { x: 1 })).not.toBe(requestHash('b', { x: 1 }));
    expect(requestHash('a', { x: 1 })).not.toBe(requestHash('a', { x: 2 }));
    expect(requestHash('a', { x: 1, y: undefined })).toBe(requestHash('a', { x: 1 }));
  });
});

describe('IdempotencyService', () => {
  const row = (overrides: Partial<MetaAdsIdempotency>): MetaAdsIdempotency =>
    ({
      organisationId: 'org',
      key: 'k-1',
      requestHash: requestHash('create', { a: 1 }),
      state: 'pending',
      responseStatus: null,
      response: null,
      createdAt: new Date(),
      completedAt: null,
      ...overrides,
    }) as MetaAdsIdempotency;
  const serviceWith = (existing: MetaAdsIdempotency) =>
    new IdempotencyService({ claim: () => Promise.resolve({ owned: false, row: existing }) } as unknown as IdempotencyRepository);
  const run = (service: IdempotencyService) =>
    service.run('org', 'k-1', 'create', { a: 1 }, () => Promise.reject(new Error('must not run twice')), { required: true, status: 201 });

  it('answers "still being processed" while the first request with the key runs', async () => {
    const error = (await run(serviceWith(row({}))).catch((e: unknown) => e)) as ApiError;
    expect(error.getStatus()).toBe(409);
    expect(error.message).toMatch(/still being processed/);
  });

  it('says a request that stopped mid-way did not finish, instead of "retry in a moment" for ever', async () => {
    const startedAt = new Date(Date.now() - UNFINISHED_AFTER_MS - 1_000);
    const error = (await run(serviceWith(row({ createdAt: startedAt }))).catch((e: unknown) => e)) as ApiError;
    expect(error.getStatus()).toBe(409);
    expect(error.message).toMatch(/did not finish/);
    expect(error.details).toEqual({ startedAt: startedAt.toISOString(), unfinished: true });
  });

  it('replays the stored answer of a finished request', async () => {
    const done = row({ state: 'done', responseStatus: 201, response: { id: 'c-1' } });
    await expect(
      serviceWith(done).run('org', 'k-1', 'create', { a: 1 }, () => Promise.reject(new Error('no')), { required: true, status: 201 }),
    ).resolves.toEqual({
      result: { id: 'c-1' },
      replayed: true,
    });
  });
});
