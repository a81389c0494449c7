import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Role } from '@legeai/contracts';

import { aCurrentUser, aUser } from '../testing/factories';
import { provideQuietConnectionStatus } from '../testing/quiet-connection-status';
import { provideQuietUnreadNotifications } from '../testing/quiet-unread-notifications';
import { signIn } from '../testing/sign-in';
import { routes } from './app.routes';
import { authInterceptor } from './core/auth/auth-interceptor';
import { errorInterceptor } from './core/errors/error-interceptor';

/** The console's own routes, lazy pages included, as the browser gets them. */
describe('console routes', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([errorInterceptor, authInterceptor])),
        provideHttpClientTesting(),
        provideRouter(routes, withComponentInputBinding()),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideQuietConnectionStatus(),
        provideQuietUnreadNotifications(),
      ],
    });
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    answerSwitcher();
    TestBed.inject(HttpTestingController).verify();
  });

  /** The toolbar's organisation switcher asks for the user's organisations on every signed-in page: one here. */
  function answerSwitcher(): void {
    for (const request of TestBed.inject(HttpTestingController).match((r) => r.url.endsWith('/auth/organisations'))) request.flush([]);
  }

  function text(): string {
    return (harness.routeNativeElement?.ownerDocument.body.textContent ?? '').replace(/\s+/g, ' ');
  }

  it.each([
    ['/users', 'Users'],
    ['/api-keys', 'API keys'],
    ['/webhooks', 'Webhooks'],
    ['/audit-log', 'Audit log'],
  ])('shows a viewer who opens %s that it is not for them, at the address they asked for', async (url, page) => {
    await signIn(aCurrentUser({ role: Role.Viewer, email: 'vera@example.com', organisationName: 'Acme Insurance' }));

    await harness.navigateByUrl(url);

    expect(TestBed.inject(Router).url).toBe(url);
    expect(text()).toContain(`You can't open ${page}`);
    expect(text()).toContain(`${page} is for admins. You are signed in as vera@example.com, whose role is Viewer.`);
    expect(text()).toContain('ask an admin of Acme Insurance to change your role');
    // The page's own code never ran: no request for its data.
    answerSwitcher();
    TestBed.inject(HttpTestingController).expectNone(() => true);
  });

  it('lets a viewer read Ads but not open the creation of a campaign, naming that page', async () => {
    await signIn(aCurrentUser({ role: Role.Viewer, email: 'vera@example.com' }));

    await harness.navigateByUrl('/ads/new');

    expect(TestBed.inject(Router).url).toBe('/ads/new');
    expect(text()).toContain("You can't open New lead campaign");
    expect(text()).toContain('New lead campaign is for managers and admins.');
    answerSwitcher();
    TestBed.inject(HttpTestingController).expectNone(() => true);
  });

  it('says so for a manager too, and for any address under the page', async () => {
    await signIn(aCurrentUser({ role: Role.Manager }));

    await harness.navigateByUrl('/users/u-1');

    expect(TestBed.inject(Router).url).toBe('/users/u-1');
    expect(text()).toContain('whose role is Manager');
  });

  it('opens the page for an admin', async () => {
    await signIn(aCurrentUser({ role: Role.Admin }));

    await harness.navigateByUrl('/users');
    TestBed.inject(HttpTestingController).expectOne('/v1/users').flush([aUser()]);
    await harness.fixture.whenStable();

    expect(text()).toContain('mia@example.com');
    expect(text()).not.toContain("You can't open");
  });

  it('sends someone signed out to the login page, which brings them back afterwards', async () => {
    await harness.navigateByUrl('/users');

    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fusers');
  });
});
