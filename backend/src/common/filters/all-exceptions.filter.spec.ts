import { ArgumentsHost, BadRequestException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { ErrorCode } from '@legeai/contracts';
import { ApiError, ValidationFailedError } from '../errors/api-error';
import { AllExceptionsFilter, toEnvelope } from './all-exceptions.filter';

function httpHost(req: Record<string, unknown> = {}) {
  const headers: Record<string, string> = {};
  // The part of Fastify's reply the filter uses.
  const res = {
    sent: false,
    raw: { headersSent: false },
    headers,
    header: jest.fn(function (this: unknown, name: string, value: string) {
      headers[name.toLowerCase()] = value;
      return this;
    }),
    hasHeader: (name: string) => name.toLowerCase() in headers,
    status: jest.fn().mockReturnThis(),
    send: jest.fn(),
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => ({ method: 'GET', ...req }), getResponse: () => res }),
  } as unknown as ArgumentsHost;
  return { host, res };
}

describe(AllExceptionsFilter.name, () => {
  const sut = new AllExceptionsFilter();

  it('writes the envelope with the status and the request id', () => {
    const { host, res } = httpHost({ id: 'req-1' });
    sut.catch(new NotFoundException('Lead not found'), host);
    expect(res.status).toHaveBeenCalledWith(404);
    expect(res.send).toHaveBeenCalledWith({
      error: { status: 404, code: ErrorCode.NotFound, message: 'Lead not found', requestId: 'req-1' },
    });
  });

  it('hides the detail of unexpected errors behind a generic 500', () => {
    const { host, res } = httpHost();
    jest.spyOn(sut['logger'], 'error').mockImplementation(() => undefined);
    sut.catch(new Error('connection string postgres://user:secret@db leaked'), host);
    expect(res.status).toHaveBeenCalledWith(500);
    const body = res.send.mock.calls[0][0];
    expect(body.error).toEqual({ status: 500, code: ErrorCode.Internal, message: 'Internal server error' });
    expect(JSON.stringify(body)).not.toContain('secret');
  });

  it('answers a database that cannot be reached with a 503, Retry-After and a warning instead of an error log', () => {
    const { host, res } = httpHost({ id: 'req-2' });
    const warn = jest.spyOn(sut['logger'], 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(sut['logger'], 'error').mockImplementation(() => undefined);
    error.mockClear();
    sut.catch(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), host);
    expect(res.status).toHaveBeenCalledWith(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.send.mock.calls[0][0].error).toEqual({
      status: 503,
      code: ErrorCode.ServiceUnavailable,
      message: expect.stringMatching(/unavailable/),
      requestId: 'req-2',
    });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(error).not.toHaveBeenCalled();
  });
});

describe(toEnvelope.name, () => {
  it('keeps the code, details and fields of an ApiError', () => {
    const error = new ApiError(403, ErrorCode.MetaPermissionMissing, 'Missing permission', { missing: ['leads_retrieval'] });
    expect(toEnvelope(error).error).toEqual({
      status: 403,
      code: ErrorCode.MetaPermissionMissing,
      message: 'Missing permission',
      details: { missing: ['leads_retrieval'] },
    });
  });

  it('lists fields for a validation failure', () => {
    const envelope = toEnvelope(new ValidationFailedError([{ field: 'email', messages: ['email must be an email'] }]));
    expect(envelope.error).toMatchObject({
      status: 400,
      code: ErrorCode.ValidationFailed,
      fields: [{ field: 'email', messages: ['email must be an email'] }],
    });
    expect(envelope.error.message).toContain('email');
  });

  it('maps Nest HTTP exceptions to a code by status and joins message arrays', () => {
    expect(toEnvelope(new ForbiddenException()).error).toMatchObject({ status: 403, code: ErrorCode.Forbidden });
    expect(toEnvelope(new BadRequestException(['a is bad', 'b is bad'])).error).toMatchObject({
      status: 400,
      code: ErrorCode.BadRequest,
      message: 'a is bad; b is bad',
    });
  });

  it('keeps the structured body of an HTTP exception as details', () => {
    const { ServiceUnavailableException } = jest.requireActual<typeof import('@nestjs/common')>('@nestjs/common');
    const report = { status: 'error', error: { database: { status: 'down' } } };
    expect(toEnvelope(new ServiceUnavailableException(report)).error).toMatchObject({
      status: 503,
      code: ErrorCode.ServiceUnavailable,
      details: report,
    });
  });
});
