import { BadRequestException, ServiceUnavailableException } from '@nestjs/common';
import { ErrorCode } from '@legeai/contracts';
import { ApiError } from '../../common/errors/api-error';
import { toEnvelope } from '../../common/filters/all-exceptions.filter';
import { toHealthFailure } from './health-report';

const terminusFailure = (details: Record<string, Record<string, unknown>>) =>
  new ServiceUnavailableException({ status: 'error', info: {}, error: {}, details });

describe(toHealthFailure.name, () => {
  it('names what is down and keeps each dependency state, without the internal error messages', () => {
    const failure = toHealthFailure(
      terminusFailure({
        database: { status: 'down', message: 'connect ECONNREFUSED 10.0.0.5:5432' },
        queue: { status: 'up', backend: 'redis' },
      }),
    );
    expect(failure).toBeInstanceOf(ApiError);
    const { error } = toEnvelope(failure);
    expect(error).toEqual({
      status: 503,
      code: ErrorCode.ServiceUnavailable,
      message: 'Down: database',
      details: { database: { status: 'down' }, queue: { status: 'up', backend: 'redis' } },
    });
    expect(JSON.stringify(error)).not.toContain('10.0.0.5');
  });

  it('names both when both are down', () => {
    const failure = toHealthFailure(
      terminusFailure({ database: { status: 'down' }, queue: { status: 'down', backend: 'redis', message: 'x' } }),
    );
    expect(toEnvelope(failure).error.message).toBe('Down: database, queue');
  });

  it('passes any other error through', () => {
    const other = new BadRequestException();
    expect(toHealthFailure(other)).toBe(other);
  });
});
