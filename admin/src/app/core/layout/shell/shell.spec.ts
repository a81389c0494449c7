import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatNavListHarness } from '@angular/material/list/testing';
import { MetaIntegrationStatus, Role } from '@legeai/contracts';

import { aCurrentUser } from '../../../../testing/factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { aMetaStatus } from '../../../../testing/meta-factories';
import { signIn } from '../../../../testing/sign-in';
import { ConnectionStatusStore } from '../../meta/connection-status-store';
import { Shell } from './shell';

describe('Shell', () => {
  let fixture: ComponentFixture<Shell>;
  let loader: HarnessLoader;

  async function renderAs(role: Role, platformAdmin = false): Promise<void> {
    TestBed.configureTestingModule({ imports: [Shell], providers: provideTestConsole() });
    await signIn(aCurrentUser({ role, organisationName: 'Acme Insurance', platformAdmin }));
    fixture = TestBed.createComponent(Shell);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  async function navLabels(): Promise<string[]> {
    const items = await (await loader.getHarness(MatNavListHarness)).getItems();
    return Promise.all(items.map((item) => item.getTitle()));
  }

  it('shows admins every entry, including administration and queues', async () => {
    await renderAs(Role.Admin);
    expect(await navLabels()).toEqual([
      'Overview',
      'Leads',
      'Lead fields',
      'Ads',
      'Insights',
      'Catalog',
      'Activity',
      'Notifications',
      'Meta',
      'Conversions',
      'Users',
      'API keys',
      'Webhooks',
      'Mail outbox',
      'Audit log',
      'Queues',
      'API docs',
    ]);
  });

  it('shows platform administrators the Platform section, whatever their role in the organisation', async () => {
    await renderAs(Role.Viewer, true);
    expect(await navLabels()).toContain('Organisations');
  });

  it('hides the Platform section from admins who are not platform administrators', async () => {
    await renderAs(Role.Admin);
    expect(await navLabels()).not.toContain('Organisations');
  });

  it('says above every page, as soon as the connection store learns it, that Meta refused the token', async () => {
    await renderAs(Role.Viewer);
    const banner = () => (fixture.nativeElement as HTMLElement).querySelector('[data-testid="connection-banner"]');
    expect(banner()).toBeNull();
    TestBed.inject(ConnectionStatusStore).set(aMetaStatus({ status: MetaIntegrationStatus.ReauthRequired, overall: 'error' }));
    await fixture.whenStable();
    expect(banner()?.textContent).toContain('Meta no longer accepts the access token');
    expect(banner()?.querySelector('a')?.getAttribute('href')).toBe('/integrations/meta');
    TestBed.inject(ConnectionStatusStore).set(aMetaStatus());
    await fixture.whenStable();
    expect(banner()).toBeNull();
  });

  it('hides admin entries from viewers', async () => {
    await renderAs(Role.Viewer);
    expect(await navLabels()).toEqual([
      'Overview',
      'Leads',
      'Lead fields',
      'Ads',
      'Insights',
      'Catalog',
      'Activity',
      'Notifications',
      'Meta',
      'Conversions',
      'API docs',
    ]);
  });

  it('shows the organisation and the signed-in user in the toolbar', async () => {
    await renderAs(Role.Manager);
    const text = (fixture.nativeElement as HTMLElement).querySelector('mat-toolbar')?.textContent ?? '';
    expect(text).toContain('Acme Insurance');
    expect(text).toContain('Ada Admin');
  });
});
