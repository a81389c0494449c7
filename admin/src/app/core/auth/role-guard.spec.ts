import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Route, UrlSegment, provideRouter } from '@angular/router';
import { Role } from '@legeai/contracts';

import { aCurrentUser } from '../../../testing/factories';
import { signIn } from '../../../testing/sign-in';
import { restrictedTo, roleGuard } from './role-guard';

describe('roleGuard', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
  });

  function run(role: Role) {
    return TestBed.runInInjectionContext(() => roleGuard(role)({ path: 'users' }, [new UrlSegment('users', {})]));
  }

  it('matches for a user holding the role', async () => {
    await signIn(aCurrentUser({ role: Role.Admin }));
    expect(run(Role.Admin)).toBe(true);
  });

  it('matches for a user holding a more privileged role', async () => {
    await signIn(aCurrentUser({ role: Role.Admin }));
    expect(run(Role.Viewer)).toBe(true);
  });

  it('does not match for a less privileged user', async () => {
    await signIn(aCurrentUser({ role: Role.Viewer }));
    expect(run(Role.Admin)).toBe(false);
  });

  it('does not match when nobody is signed in', () => {
    expect(run(Role.Viewer)).toBe(false);
  });
});

describe('restrictedTo', () => {
  it('guards the route and follows it with the not-allowed page at the same path, naming the role it needs', () => {
    const page: Route & { path: string } = { path: 'users', loadChildren: () => Promise.resolve([]) };

    const [guarded, fallback] = restrictedTo(Role.Admin, page);

    expect(guarded.path).toBe('users');
    expect(guarded.loadChildren).toBe(page.loadChildren);
    expect(guarded.canMatch).toHaveLength(1);
    expect(fallback.path).toBe('users');
    expect(fallback.canMatch).toBeUndefined();
    expect(fallback.data).toEqual({ requiredRole: Role.Admin });
  });
});
