import { ErrorCode } from '@legeai/contracts';
import { MetaGraphError } from '../meta-graph/meta-graph-error';
import { graphApiError } from './graph-api-error';

describe(graphApiError.name, () => {
  const error = (fields: Partial<ConstructorParameters<typeof MetaGraphError>[0]> & { kind: MetaGraphError['kind'] }) =>
    new MetaGraphError({ message: 'refused', ...fields });

  it.each([
    ['auth', 409, ErrorCode.MetaReauthRequired],
    ['permission', 409, ErrorCode.MetaPermissionMissing],
    ['rate_limited', 429, ErrorCode.MetaRateLimited],
    ['validation', 502, ErrorCode.MetaRejected],
    ['transient', 502, ErrorCode.MetaUnavailable],
    ['unknown', 502, ErrorCode.MetaUnavailable],
  ] as const)('answers %s with %i %s', (kind, status, code) => {
    const answer = graphApiError(error({ kind }), { formId: 'f1' });
    expect(answer.getStatus()).toBe(status);
    expect(answer.code).toBe(code);
    expect(answer.details).toMatchObject({ formId: 'f1' });
  });

  it('tells what the console can act on', () => {
    expect(graphApiError(error({ kind: 'permission', missingPermissions: ['leads_retrieval'] })).details).toEqual({
      missingPermissions: ['leads_retrieval'],
    });
    expect(graphApiError(error({ kind: 'rate_limited', retryAfterMs: 5_000 })).details).toEqual({ retryAfterMs: 5_000 });
    expect(graphApiError(error({ kind: 'validation', userMessage: 'Budget too low' })).message).toBe(
      'Meta rejected the request: Budget too low',
    );
  });
});
