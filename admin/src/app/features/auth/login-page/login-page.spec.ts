import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpHeaders } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { Router } from '@angular/router';

import { aTokenResponse, anErrorEnvelope } from '../../../../testing/factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { AuthStore } from '../../../core/auth/auth-store';
import { LoginPage } from './login-page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [LoginPage], providers: provideTestConsole() });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    vi.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(LoginPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function field(label: string): Promise<MatFormFieldHarness> {
    return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  async function submit(email: string, password: string): Promise<void> {
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=email]' }))).setValue(email);
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=password]' }))).setValue(password);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign in' }))).click();
  }

  function alertText(): string | undefined {
    return (fixture.nativeElement as HTMLElement).querySelector('[role=alert]')?.textContent?.trim();
  }

  it('asks for an email and password before sending anything', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign in' }))).click();

    expect(await (await field('Email')).getTextErrors()).toEqual(['Enter your email address.']);
    expect(await (await field('Password')).getTextErrors()).toEqual(['Enter your password.']);
    http.expectNone('/v1/auth/login');
  });

  it('rejects a malformed email', async () => {
    await submit('admin', 'secret-password');
    expect(await (await field('Email')).getTextErrors()).toEqual(['Enter a valid email address.']);
    http.expectNone('/v1/auth/login');
  });

  it('shows progress while signing in, then opens the page the user asked for', async () => {
    fixture.componentRef.setInput('returnUrl', '/users');
    await submit('admin@example.com', 'secret-password');

    expect(await loader.getHarnessOrNull(MatProgressBarHarness)).not.toBeNull();
    expect(await (await loader.getHarness(MatButtonHarness.with({ text: /Signing in/ }))).isDisabled()).toBe(true);

    http.expectOne('/v1/auth/login').flush(aTokenResponse());
    await fixture.whenStable();

    expect(TestBed.inject(AuthStore).isAuthenticated()).toBe(true);
    expect(router.navigateByUrl).toHaveBeenCalledWith('/users');
  });

  it('ignores a return address outside the console', async () => {
    fixture.componentRef.setInput('returnUrl', '//evil.example.com');
    await submit('admin@example.com', 'secret-password');
    http.expectOne('/v1/auth/login').flush(aTokenResponse());
    await fixture.whenStable();

    expect(router.navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('says when the credentials are wrong and lets the user try again', async () => {
    await submit('admin@example.com', 'wrong-password');
    http.expectOne('/v1/auth/login').flush(anErrorEnvelope(401, 'unauthenticated', 'Invalid credentials'), {
      status: 401,
      statusText: 'Unauthorized',
    });
    await fixture.whenStable();

    expect(alertText()).toContain('Email or password is incorrect.');
    expect(await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign in' }))).isDisabled()).toBe(false);
    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });

  it('explains rate limiting with the wait time the server gives', async () => {
    await submit('admin@example.com', 'wrong-password');
    http.expectOne('/v1/auth/login').flush(anErrorEnvelope(429, 'rate_limited', 'Too many requests'), {
      status: 429,
      statusText: 'Too Many Requests',
      headers: new HttpHeaders({ 'Retry-After': '60' }),
    });
    await fixture.whenStable();

    expect(alertText()).toContain('Too many sign-in attempts. Try again in 60 seconds.');
  });

  it('tells the user why they were signed out', async () => {
    TestBed.inject(AuthStore).signOutReason.set('Your session has expired. Please sign in again.');
    await fixture.whenStable();

    expect((fixture.nativeElement as HTMLElement).querySelector('[role=status]')?.textContent).toContain('Your session has expired');
  });
});
