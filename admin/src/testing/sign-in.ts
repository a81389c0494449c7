import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CurrentUser } from '@legeai/contracts';
import { firstValueFrom } from 'rxjs';

import { AuthStore } from '../app/core/auth/auth-store';
import { aCurrentUser, aTokenResponse } from './factories';

/**
 * Signs `user` in through the real `AuthStore`, answering its login request, so a page under test sees the user's
 * role and the auth interceptor, where provided, sends the token `t`. Needs `HttpTestingController` in the test module.
 */
export async function signIn(user: CurrentUser = aCurrentUser()): Promise<void> {
  const login = firstValueFrom(TestBed.inject(AuthStore).login({ email: user.email, password: 'secret-password' }));
  TestBed.inject(HttpTestingController).expectOne('/v1/auth/login').flush(aTokenResponse('t', user));
  await login;
}
