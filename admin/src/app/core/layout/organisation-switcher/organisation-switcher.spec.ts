import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MyOrganisationDto, Role } from '@legeai/contracts';

import { aCurrentUser, aTokenResponse } from '../../../../testing/factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { signIn } from '../../../../testing/sign-in';
import { AuthStore } from '../../auth/auth-store';
import { ConsoleReload } from './console-reload';
import { OrganisationSwitcher } from './organisation-switcher';

describe('OrganisationSwitcher', () => {
  let fixture: ComponentFixture<OrganisationSwitcher>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  const assign = vi.fn();

  const acme: MyOrganisationDto = { id: 'org-1', name: 'Acme Insurance', role: Role.Admin, suspended: false, current: true };
  const beta: MyOrganisationDto = { id: 'org-2', name: 'Beta Brokers', role: Role.Viewer, suspended: false, current: false };
  const gone: MyOrganisationDto = { id: 'org-3', name: 'Gamma Group', role: Role.Viewer, suspended: true, current: false };

  async function render(organisations: MyOrganisationDto[]): Promise<void> {
    assign.mockReset();
    TestBed.configureTestingModule({
      imports: [OrganisationSwitcher],
      providers: [...provideTestConsole(), { provide: ConsoleReload, useValue: { at: assign } }],
    });
    http = TestBed.inject(HttpTestingController);
    await signIn(aCurrentUser());
    fixture = TestBed.createComponent(OrganisationSwitcher);
    loader = TestbedHarnessEnvironment.loader(fixture);
    http.expectOne('/v1/auth/organisations').flush(organisations);
    await fixture.whenStable();
  }

  const element = () => fixture.nativeElement as HTMLElement;

  it('only names the organisation when the user belongs to one', async () => {
    await render([acme]);
    expect(element().querySelector('[data-testid="organisation-name"]')?.textContent).toContain('Acme Insurance');
    expect(element().querySelector('[data-testid="organisation-switcher"]')).toBeNull();
  });

  it('lists the organisations, the current and suspended ones not selectable, and switches to another', async () => {
    await render([acme, beta, gone]);
    const menu = await loader.getHarness(MatMenuHarness);
    await menu.open();
    const items = await menu.getItems();
    expect(await Promise.all(items.map((i) => i.getText()))).toEqual([
      'checkAcme InsuranceAdmin',
      'apartmentBeta BrokersViewer',
      'apartmentGamma GroupSuspended',
    ]);
    expect(await Promise.all(items.map((i) => i.isDisabled()))).toEqual([true, false, true]);

    await items[1].click();
    const request = http.expectOne('/v1/auth/switch-organisation');
    expect(request.request.body).toEqual({ organisationId: 'org-2' });
    request.flush(aTokenResponse('t2', aCurrentUser({ organisationId: 'org-2', organisationName: 'Beta Brokers', role: Role.Viewer })));
    await fixture.whenStable();
    expect(TestBed.inject(AuthStore).user()?.organisationName).toBe('Beta Brokers');
    expect(assign).toHaveBeenCalledWith('/');
  });

  it('stays put when the switch is refused', async () => {
    await render([acme, beta]);
    const menu = await loader.getHarness(MatMenuHarness);
    await menu.open();
    await (await menu.getItems())[1].click();
    http
      .expectOne('/v1/auth/switch-organisation')
      .flush({ error: { status: 403, code: 'organisation_suspended', message: 'suspended' } }, { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    expect(assign).not.toHaveBeenCalled();
    expect(TestBed.inject(AuthStore).user()?.organisationName).toBe('Acme Insurance');
  });
});
