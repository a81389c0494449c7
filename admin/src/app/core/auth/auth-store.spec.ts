import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Role } from '@legeai/contracts';
import { firstValueFrom } from 'rxjs';

import { aCurrentUser, aTokenResponse, anErrorEnvelope } from '../../../testing/factories';
import { AuthStore } from './auth-store';

describe('AuthStore', () => {
  let sut: AuthStore;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    sut = TestBed.inject(AuthStore);
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    vi.spyOn(router, 'navigate').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  it('starts signed out', () => {
    expect(sut.isAuthenticated()).toBe(false);
    expect(sut.user()).toBeNull();
    expect(sut.accessToken()).toBeNull();
  });

  it('signs in with email and password and keeps the token in memory', async () => {
    const result = firstValueFrom(sut.login({ email: 'admin@example.com', password: 'secret-password' }));

    const req = http.expectOne('/v1/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ email: 'admin@example.com', password: 'secret-password' });
    req.flush(aTokenResponse('token-1'));

    expect(await result).toEqual(aCurrentUser());
    expect(sut.accessToken()).toBe('token-1');
    expect(sut.user()?.organisationName).toBe('Acme Insurance');
    expect(sut.isAuthenticated()).toBe(true);
  });

  it('stays signed out when the credentials are rejected', async () => {
    const result = firstValueFrom(sut.login({ email: 'admin@example.com', password: 'wrong' }));
    http.expectOne('/v1/auth/login').flush(anErrorEnvelope(401, 'unauthenticated', 'Invalid credentials'), {
      status: 401,
      statusText: 'Unauthorized',
    });

    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(sut.isAuthenticated()).toBe(false);
  });

  it('shares one refresh request between concurrent callers', async () => {
    const first = firstValueFrom(sut.refreshAccessToken());
    const second = firstValueFrom(sut.refreshAccessToken());

    http.expectOne('/v1/auth/refresh').flush(aTokenResponse('token-2'));

    expect(await first).toBe('token-2');
    expect(await second).toBe('token-2');
    expect(sut.accessToken()).toBe('token-2');
  });

  it('sends a new refresh request once the previous one has finished', async () => {
    const first = firstValueFrom(sut.refreshAccessToken());
    http.expectOne('/v1/auth/refresh').flush(aTokenResponse('token-2'));
    await first;

    const second = firstValueFrom(sut.refreshAccessToken());
    http.expectOne('/v1/auth/refresh').flush(aTokenResponse('token-3'));
    expect(await second).toBe('token-3');
  });

  it('restores the session from the refresh cookie at start-up', async () => {
    const restored = sut.restoreSession();
    http.expectOne('/v1/auth/refresh').flush(aTokenResponse('token-r'));
    await restored;

    expect(sut.isAuthenticated()).toBe(true);
    expect(sut.accessToken()).toBe('token-r');
  });

  it('starts signed out without an error when there is no session to restore', async () => {
    const restored = sut.restoreSession();
    http
      .expectOne('/v1/auth/refresh')
      .flush(anErrorEnvelope(401, 'unauthenticated', 'No session'), { status: 401, statusText: 'Unauthorized' });

    await expect(restored).resolves.toBeUndefined();
    expect(sut.isAuthenticated()).toBe(false);
  });

  it('starts signed out when the server answers that there is no session with 204 instead of a 401', async () => {
    const restored = sut.restoreSession();
    http.expectOne('/v1/auth/refresh').flush(null, { status: 204, statusText: 'No Content' });

    await expect(restored).resolves.toBeUndefined();
    expect(sut.isAuthenticated()).toBe(false);
    expect(sut.accessToken()).toBeNull();
  });

  it('counts a 204 as a failed refresh for a caller that needs a token', async () => {
    const refreshed = firstValueFrom(sut.refreshAccessToken());
    http.expectOne('/v1/auth/refresh').flush(null, { status: 204, statusText: 'No Content' });

    await expect(refreshed).rejects.toThrow('No session');
    expect(sut.isAuthenticated()).toBe(false);
  });

  it('ends the session on the server and locally on logout', async () => {
    const login = firstValueFrom(sut.login({ email: 'admin@example.com', password: 'secret-password' }));
    http.expectOne('/v1/auth/login').flush(aTokenResponse('token-1'));
    await login;

    const logout = firstValueFrom(sut.logout(), { defaultValue: undefined });
    const req = http.expectOne('/v1/auth/logout');
    expect(req.request.headers.get('Authorization')).toBe('Bearer token-1');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await logout;

    expect(sut.isAuthenticated()).toBe(false);
    expect(sut.accessToken()).toBeNull();
    expect(router.navigate).toHaveBeenCalledWith(['/login']);
  });

  it('still signs out locally when the logout request fails', async () => {
    const logout = firstValueFrom(sut.logout(), { defaultValue: undefined });
    http.expectOne('/v1/auth/logout').flush(null, { status: 500, statusText: 'Server Error' });
    await logout;

    expect(sut.isAuthenticated()).toBe(false);
    expect(router.navigate).toHaveBeenCalledWith(['/login']);
  });

  it('compares roles by privilege', async () => {
    const login = firstValueFrom(sut.login({ email: 'm@example.com', password: 'secret-password' }));
    http.expectOne('/v1/auth/login').flush(aTokenResponse('t', aCurrentUser({ role: Role.Manager })));
    await login;

    expect(sut.hasRole(Role.Viewer)).toBe(true);
    expect(sut.hasRole(Role.Manager)).toBe(true);
    expect(sut.hasRole(Role.Admin)).toBe(false);
  });
});
