import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { PlatformOrganisationDto } from '@legeai/contracts';

import { aCurrentUser, anErrorEnvelope } from '../../../../testing/factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { signIn } from '../../../../testing/sign-in';
import { OrganisationsPage } from './organisations-page';

describe('OrganisationsPage', () => {
  let fixture: ComponentFixture<OrganisationsPage>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let http: HttpTestingController;

  const org = (over: Partial<PlatformOrganisationDto>): PlatformOrganisationDto => ({
    id: 'org-1',
    name: 'Acme Insurance',
    state: 'active',
    createdAt: '2026-01-05T10:00:00.000Z',
    suspendedAt: null,
    members: 3,
    pendingInvitations: 0,
    ...over,
  });
  const acme = org({});
  const beta = org({ id: 'org-2', name: 'Beta Brokers', members: 1, pendingInvitations: 1 });

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [OrganisationsPage], providers: provideTestConsole() });
    http = TestBed.inject(HttpTestingController);
    await signIn(aCurrentUser({ organisationId: 'org-1', platformAdmin: true }));
    fixture = TestBed.createComponent(OrganisationsPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
  });

  afterEach(() => http.verify());

  async function load(list: PlatformOrganisationDto[] = [acme, beta]): Promise<void> {
    http.expectOne('/v1/platform/organisations').flush(list);
    await fixture.whenStable();
  }

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  it('shows a progress bar, then every organisation with its state, members and open invitations', async () => {
    await fixture.whenStable();
    expect(await loader.getHarnessOrNull(MatProgressBarHarness)).not.toBeNull();
    await load();
    const cells = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(cells['name'].text).toEqual(['Acme Insurance (signed in)', 'Beta Brokers']);
    expect(cells['state'].text).toEqual(['Active', 'Active']);
    expect(cells['members'].text).toEqual(['3', '1']);
    expect(cells['pendingInvitations'].text).toEqual(['0', '1']);
  });

  it('says so when there are none, and when they could not be loaded, with a retry', async () => {
    await load([]);
    expect(text()).toContain('No organisations yet');
    fixture.componentInstance['organisations'].load();
    http.expectOne('/v1/platform/organisations').flush(anErrorEnvelope(503, 'service_unavailable', 'Database down'), {
      status: 503,
      statusText: 'Unavailable',
    });
    await fixture.whenStable();
    expect(text()).toContain('Organisations could not be loaded');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Try again/ }))).click();
    await load([acme]);
    expect(text()).toContain('Acme Insurance');
  });

  it('offers no Suspend for the organisation the administrator is signed in to', async () => {
    await load();
    const suspend = await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Suspend' }));
    expect(suspend).toHaveLength(1);
    expect(await (await suspend[0].host()).getAttribute('aria-label')).toBe('Suspend Beta Brokers');
  });

  it('suspends after confirmation and shows the new state', async () => {
    await load();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Suspend' }))).click();
    const confirm = await root.getHarness(MatDialogHarness);
    expect(await confirm.getTitleText()).toBe('Suspend Beta Brokers?');
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Suspend' }))).click();
    http
      .expectOne({ method: 'POST', url: '/v1/platform/organisations/org-2/suspend' })
      .flush({ ...beta, state: 'suspended', suspendedAt: '2026-01-06T10:00:00.000Z' });
    await fixture.whenStable();
    const cells = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(cells['state'].text[1]).toMatch(/^Suspended\s*since/);
    expect(await loader.getHarnessOrNull(MatButtonHarness.with({ text: 'Reactivate' }))).not.toBeNull();
  });

  it('creates an organisation, then invites its admin and shows the link once', async () => {
    await load();
    await (await loader.getHarness(MatButtonHarness.with({ text: /New organisation/ }))).click();
    let dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatInputHarness)).setValue('Gamma Group');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create organisation' }))).click();
    const created = http.expectOne({ method: 'POST', url: '/v1/platform/organisations' });
    expect(created.request.body).toEqual({ name: 'Gamma Group' });
    created.flush(org({ id: 'org-3', name: 'Gamma Group', members: 0 }));
    await fixture.whenStable();

    dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Invite an admin of Gamma Group');
    await (await dialog.getHarness(MatInputHarness)).setValue('first@gamma.test');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create invitation link' }))).click();
    const invited = http.expectOne({ method: 'POST', url: '/v1/platform/organisations/org-3/invitations' });
    expect(invited.request.body).toEqual({ email: 'first@gamma.test' });
    invited.flush({ id: 'i-1', email: 'first@gamma.test', expiresAt: '2026-01-08T10:00:00.000Z', token: 'T0KEN', link: 'x' });
    await fixture.whenStable();
    const link = document.querySelector('[data-testid="invitation-link"]')?.textContent;
    expect(link).toBe(`${location.origin}/invitation#T0KEN`);
    expect(document.body.textContent).toContain("You won't see it again");
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Done' }))).click();
    await fixture.whenStable();
    const cells = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(cells['pendingInvitations'].text).toEqual(['0', '1', '1']);
  });

  describe('open invitations', () => {
    const pending = (id: string, email: string) => ({
      id,
      email,
      role: 'admin',
      createdAt: '2026-01-05T10:00:00.000Z',
      expiresAt: '2026-01-07T10:00:00.000Z',
      invitedByName: 'Pat Platform',
    });

    async function openInvitations(): Promise<MatDialogHarness> {
      await load();
      await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="invitations-org-2"]' }))).click();
      return root.getHarness(MatDialogHarness);
    }

    it('lists them with role, who made them and until when; revoking one asks first, then the count follows', async () => {
      const dialog = await openInvitations();
      expect(await dialog.getTitleText()).toBe('Open invitations of Beta Brokers');
      http
        .expectOne({ method: 'GET', url: '/v1/platform/organisations/org-2/invitations' })
        .flush([pending('i-1', 'first@beta.test'), pending('i-2', 'second@beta.test')]);
      await fixture.whenStable();
      const table = await dialog.getHarness(MatTableHarness);
      const cells = await table.getCellTextByColumnName();
      expect(cells['email'].text).toEqual(['first@beta.test', 'second@beta.test']);
      expect(cells['role'].text).toEqual(['Admin', 'Admin']);
      expect(cells['createdAt'].text[0]).toContain('by Pat Platform');

      await (
        await dialog.getHarness(MatButtonHarness.with({ selector: '[aria-label="Revoke the invitation of first@beta.test"]' }))
      ).click();
      const confirms = await root.getAllHarnesses(MatDialogHarness);
      const confirm = confirms[confirms.length - 1];
      expect(await confirm.getTitleText()).toBe('Revoke the invitation of first@beta.test?');
      await (await confirm.getHarness(MatButtonHarness.with({ text: 'Revoke' }))).click();
      http
        .expectOne({ method: 'DELETE', url: '/v1/platform/organisations/org-2/invitations/i-1' })
        .flush(null, { status: 204, statusText: 'No Content' });
      await fixture.whenStable();
      expect((await table.getCellTextByColumnName())['email'].text).toEqual(['second@beta.test']);

      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Close' }))).click();
      await fixture.whenStable();
      const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
      expect(rows['pendingInvitations'].text).toEqual(['0', '1']);
    });

    it('says when there are none, and when they could not be loaded, with a retry', async () => {
      const dialog = await openInvitations();
      http
        .expectOne('/v1/platform/organisations/org-2/invitations')
        .flush(anErrorEnvelope(503, 'service_unavailable', 'Database down'), { status: 503, statusText: 'Unavailable' });
      await fixture.whenStable();
      expect(await dialog.getText()).toContain('Invitations could not be loaded');
      await (await dialog.getHarness(MatButtonHarness.with({ text: /Try again/ }))).click();
      http.expectOne('/v1/platform/organisations/org-2/invitations').flush([]);
      await fixture.whenStable();
      expect(await dialog.getText()).toContain('No open invitations');
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Close' }))).click();
      await fixture.whenStable();
      const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
      expect(rows['pendingInvitations'].text).toEqual(['0', '0']);
    });
  });
});
