import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { anErrorEnvelope } from '../../../testing/factories';
import { showsOwnErrors } from '../api/http-context';
import { errorInterceptor } from './error-interceptor';
import { Notifier } from './notifier';

describe('errorInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let shown: string[];

  beforeEach(() => {
    shown = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        { provide: Notifier, useValue: { error: (m: string) => shown.push(m), info: () => undefined } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
  });

  afterEach(() => http.verify());

  it("shows the error envelope's message once", async () => {
    const result = firstValueFrom(client.patch('/v1/users/u-1', { role: 'viewer' }));
    http.expectOne('/v1/users/u-1').flush(anErrorEnvelope(409, 'conflict', 'Cannot demote the last admin'), {
      status: 409,
      statusText: 'Conflict',
    });

    await expect(result).rejects.toMatchObject({ status: 409 });
    expect(shown).toEqual(['Cannot demote the last admin']);
  });

  it('lists field problems of a validation error', async () => {
    const result = firstValueFrom(client.post('/v1/users', {}));
    http.expectOne('/v1/users').flush(
      {
        error: {
          status: 400,
          code: 'validation_failed',
          message: 'Validation failed',
          fields: [{ field: 'email', messages: ['email must be an email'] }],
        },
      },
      { status: 400, statusText: 'Bad Request' },
    );

    await expect(result).rejects.toBeTruthy();
    expect(shown).toEqual(['Validation failed: email must be an email']);
  });

  it('explains when the server cannot be reached', async () => {
    const result = firstValueFrom(client.get('/v1/users/u-1'));
    http.expectOne('/v1/users/u-1').error(new ProgressEvent('error'), { status: 0 });

    await expect(result).rejects.toBeTruthy();
    expect(shown[0]).toMatch(/cannot be reached/);
  });

  it('stays quiet when the caller shows the error itself', async () => {
    const result = firstValueFrom(client.get('/v1/users', { context: showsOwnErrors() }));
    http.expectOne('/v1/users').flush(anErrorEnvelope(500, 'internal_error', 'Boom'), {
      status: 500,
      statusText: 'Server Error',
    });

    await expect(result).rejects.toMatchObject({ status: 500 });
    expect(shown).toEqual([]);
  });

  it('leaves 401s to the session handling', async () => {
    const result = firstValueFrom(client.get('/v1/users/u-1'));
    http.expectOne('/v1/users/u-1').flush(null, { status: 401, statusText: 'Unauthorized' });

    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(shown).toEqual([]);
  });
});
