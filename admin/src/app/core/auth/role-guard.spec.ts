import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, Router, RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';
import { Role } from '@legeai/contracts';

import { aCurrentUser } from '../../../testing/factories';
import { signIn } from '../../../testing/sign-in';
import { roleGuard } from './role-guard';

describe('roleGuard', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
  });

  function run(role: Role) {
    return TestBed.runInInjectionContext(() =>
      roleGuard(role)({} as ActivatedRouteSnapshot, { url: '/users' } as RouterStateSnapshot),
    );
  }

  it('admits a user holding the role', async () => {
    await signIn(aCurrentUser({ role: Role.Admin }));
    expect(run(Role.Admin)).toBe(true);
  });

  it('admits a user holding a more privileged role', async () => {
    await signIn(aCurrentUser({ role: Role.Admin }));
    expect(run(Role.Viewer)).toBe(true);
  });

  it('sends a less privileged user to the overview', async () => {
    await signIn(aCurrentUser({ role: Role.Viewer }));
    const result = run(Role.Admin);
    expect(result).toBeInstanceOf(UrlTree);
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/');
  });

  it('refuses when nobody is signed in', () => {
    expect(run(Role.Viewer)).toBeInstanceOf(UrlTree);
  });
});
