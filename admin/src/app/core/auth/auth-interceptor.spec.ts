import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { aTokenResponse, anErrorEnvelope } from '../../../testing/factories';
import { SKIP_AUTH } from '../api/http-context';
import { authInterceptor } from './auth-interceptor';
import { AuthStore, SESSION_EXPIRED_MESSAGE } from './auth-store';

const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };

describe('authInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let auth: AuthStore;
  let router: Router;

  async function signIn(token: string): Promise<void> {
    const login = firstValueFrom(auth.login({ email: 'admin@example.com', password: 'secret-password' }));
    http.expectOne('/v1/auth/login').flush(aTokenResponse(token));
    await login;
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    auth = TestBed.inject(AuthStore);
    router = TestBed.inject(Router);
    vi.spyOn(router, 'navigate').mockResolvedValue(true);
    await signIn('token-1');
  });

  afterEach(() => http.verify());

  it('adds the access token to API requests', () => {
    client.get('/v1/users').subscribe();
    expect(http.expectOne('/v1/users').request.headers.get('Authorization')).toBe('Bearer token-1');
  });

  it('does not send the token to other origins or paths', () => {
    client.get('https://example.com/v1/users').subscribe();
    client.get('/favicon.svg').subscribe();
    expect(http.expectOne('https://example.com/v1/users').request.headers.has('Authorization')).toBe(false);
    expect(http.expectOne('/favicon.svg').request.headers.has('Authorization')).toBe(false);
  });

  it('leaves requests marked SKIP_AUTH alone', () => {
    client.post('/v1/auth/refresh', null, { context: new HttpContext().set(SKIP_AUTH, true) }).subscribe();
    expect(http.expectOne('/v1/auth/refresh').request.headers.has('Authorization')).toBe(false);
  });

  it('refreshes once on 401 and retries the request with the new token', async () => {
    const result = firstValueFrom(client.get<string[]>('/v1/users'));

    http.expectOne('/v1/users').flush(anErrorEnvelope(401, 'unauthenticated', 'Expired'), UNAUTHORIZED);
    http.expectOne('/v1/auth/refresh').flush(aTokenResponse('token-2'));
    const retry = http.expectOne('/v1/users');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer token-2');
    retry.flush(['ok']);

    expect(await result).toEqual(['ok']);
    expect(auth.accessToken()).toBe('token-2');
  });

  it('uses a single refresh for concurrent requests that fail with 401', async () => {
    const users = firstValueFrom(client.get('/v1/users'));
    const keys = firstValueFrom(client.get('/v1/api-keys'));

    http.expectOne('/v1/users').flush(null, UNAUTHORIZED);
    http.expectOne('/v1/api-keys').flush(null, UNAUTHORIZED);
    const refreshes = http.match('/v1/auth/refresh');
    expect(refreshes).toHaveLength(1);
    refreshes[0].flush(aTokenResponse('token-2'));

    const retries = [http.expectOne('/v1/users'), http.expectOne('/v1/api-keys')];
    for (const retry of retries) {
      expect(retry.request.headers.get('Authorization')).toBe('Bearer token-2');
      retry.flush([]);
    }
    await expect(users).resolves.toEqual([]);
    await expect(keys).resolves.toEqual([]);
  });

  it('retries without refreshing when another request already renewed the token', async () => {
    const late = firstValueFrom(client.get('/v1/users'));
    const early = firstValueFrom(client.get('/v1/api-keys'));

    http.expectOne('/v1/api-keys').flush(null, UNAUTHORIZED);
    http.expectOne('/v1/auth/refresh').flush(aTokenResponse('token-2'));
    http.expectOne('/v1/api-keys').flush([]);
    await early;

    // This request left with the old token before the refresh finished.
    http.expectOne('/v1/users').flush(null, UNAUTHORIZED);
    http.expectNone('/v1/auth/refresh');
    const retry = http.expectOne('/v1/users');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer token-2');
    retry.flush([]);
    await expect(late).resolves.toEqual([]);
  });

  it('signs out and returns to the login page with a message when the refresh fails', async () => {
    const result = firstValueFrom(client.get('/v1/users'));

    http.expectOne('/v1/users').flush(null, UNAUTHORIZED);
    http.expectOne('/v1/auth/refresh').flush(anErrorEnvelope(401, 'unauthenticated', 'Revoked'), UNAUTHORIZED);

    await expect(result).rejects.toMatchObject({ status: 401, url: '/v1/users' });
    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.signOutReason()).toBe(SESSION_EXPIRED_MESSAGE);
    expect(router.navigate).toHaveBeenCalledWith(['/login']);
  });

  it('does not refresh again when the retried request is also refused', async () => {
    const result = firstValueFrom(client.get('/v1/users'));

    http.expectOne('/v1/users').flush(null, UNAUTHORIZED);
    http.expectOne('/v1/auth/refresh').flush(aTokenResponse('token-2'));
    http.expectOne('/v1/users').flush(null, UNAUTHORIZED);

    await expect(result).rejects.toMatchObject({ status: 401 });
    http.expectNone('/v1/auth/refresh');
  });

  it('passes other errors through without refreshing', async () => {
    const result = firstValueFrom(client.get('/v1/users'));
    http.expectOne('/v1/users').flush(anErrorEnvelope(403, 'forbidden', 'Admins only'), {
      status: 403,
      statusText: 'Forbidden',
    });

    await expect(result).rejects.toMatchObject({ status: 403 });
    http.expectNone('/v1/auth/refresh');
    expect(auth.isAuthenticated()).toBe(true);
  });
});
