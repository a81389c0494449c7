import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, Router, RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';

import { signIn } from '../../../testing/sign-in';
import { authGuard, guestGuard } from './auth-guard';

describe('authGuard and guestGuard', () => {
  const route = {} as ActivatedRouteSnapshot;
  const state = { url: '/users?page=2' } as RouterStateSnapshot;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
  });

  function run(guard: typeof authGuard) {
    return TestBed.runInInjectionContext(() => guard(route, state));
  }

  it('sends signed-out users to the login page and remembers where they wanted to go', () => {
    const result = run(authGuard);

    expect(result).toBeInstanceOf(UrlTree);
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/login?returnUrl=%2Fusers%3Fpage%3D2');
  });

  it('lets signed-in users through', async () => {
    await signIn();
    expect(run(authGuard)).toBe(true);
  });

  it('shows the login page to signed-out users', () => {
    expect(run(guestGuard)).toBe(true);
  });

  it('sends signed-in users from the login page to the overview', async () => {
    await signIn();
    const result = run(guestGuard);
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/');
  });
});
