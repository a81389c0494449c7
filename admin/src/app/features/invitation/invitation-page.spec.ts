import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { Router } from '@angular/router';
import { InvitationPreviewDto, Role } from '@legeai/contracts';

import { aCurrentUser, aTokenResponse, anErrorEnvelope } from '../../../testing/factories';
import { provideTestConsole } from '../../../testing/provide-test-console';
import { AuthStore } from '../../core/auth/auth-store';
import { InvitationPage } from './invitation-page';

describe('InvitationPage', () => {
  let fixture: ComponentFixture<InvitationPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let router: Router;
  const TOKEN = 'a'.repeat(43);

  const preview = (over: Partial<InvitationPreviewDto> = {}): InvitationPreviewDto => ({
    organisationName: 'Gamma Group',
    email: 'first@gamma.test',
    role: Role.Admin,
    expiresAt: '2030-01-08T10:00:00.000Z',
    accountExists: false,
    ...over,
  });

  function open(hash = `#${TOKEN}`): void {
    window.location.hash = hash;
    TestBed.configureTestingModule({ imports: [InvitationPage], providers: provideTestConsole() });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    vi.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(InvitationPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
  }

  afterEach(() => {
    http.verify();
    window.location.hash = '';
  });

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  it('lets a new invitee set a name and password, then lands them in the organisation', async () => {
    open();
    const read = http.expectOne('/v1/auth/invitations/preview');
    expect(read.request.body).toEqual({ token: TOKEN });
    read.flush(preview());
    await fixture.whenStable();
    expect(text()).toContain('You are invited to Gamma Group as Admin');

    const [name, password] = await loader.getAllHarnesses(MatInputHarness);
    await name.setValue('Gina');
    await password.setValue('short');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Create account and join' }))).click();
    expect(text()).toContain('Use at least 12 characters.');
    await password.setValue('a-long-enough-password');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Create account and join' }))).click();
    const accept = http.expectOne('/v1/auth/invitations/accept');
    expect(accept.request.body).toEqual({ token: TOKEN, password: 'a-long-enough-password', name: 'Gina' });
    accept.flush(aTokenResponse('t', aCurrentUser({ organisationName: 'Gamma Group', name: 'Gina' })));
    await fixture.whenStable();
    expect(TestBed.inject(AuthStore).user()?.organisationName).toBe('Gamma Group');
    expect(router.navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('asks an existing account for its password only, and shows why it was refused', async () => {
    open();
    http.expectOne('/v1/auth/invitations/preview').flush(preview({ accountExists: true }));
    await fixture.whenStable();
    const inputs = await loader.getAllHarnesses(MatInputHarness);
    expect(inputs).toHaveLength(1);
    await inputs[0].setValue('wrong');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign in and join' }))).click();
    const accept = http.expectOne('/v1/auth/invitations/accept');
    expect(accept.request.body).toEqual({ token: TOKEN, password: 'wrong' });
    accept.flush(anErrorEnvelope(401, 'unauthenticated', 'Invalid email or password'), { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    expect(text()).toContain('Invalid email or password');
    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });

  it('says plainly when the link was already used or expired', async () => {
    open();
    http
      .expectOne('/v1/auth/invitations/preview')
      .flush(anErrorEnvelope(410, 'invitation_unusable', 'This invitation was already used; sign in instead'), {
        status: 410,
        statusText: 'Gone',
      });
    await fixture.whenStable();
    expect(text()).toContain('This invitation was already used; sign in instead');
    expect(await loader.getAllHarnesses(MatInputHarness)).toHaveLength(0);
  });

  it('explains an address without a token, asking nothing of the server', async () => {
    open('');
    await fixture.whenStable();
    expect(text()).toContain('This address holds no invitation');
  });
});
