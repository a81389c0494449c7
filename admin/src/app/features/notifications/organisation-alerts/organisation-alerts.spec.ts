import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { AlertDto, AlertEventType, AlertListDto } from '@legeai/contracts';

import { anErrorEnvelope } from '../../../../testing/factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { OrganisationAlerts } from './organisation-alerts';

function anAlert(overrides: Partial<AlertDto> = {}): AlertDto {
  return {
    id: 'a-1',
    eventType: AlertEventType.ReauthRequired,
    conditionKey: 'reauth_required',
    state: 'open',
    title: 'Meta needs a reconnect',
    body: "Meta refused the connection's token.",
    link: '/integrations/meta',
    openedAt: '2026-12-05T10:00:00Z',
    lastSeenAt: '2026-12-05T11:00:00Z',
    resolvedAt: null,
    ...overrides,
  };
}

describe('OrganisationAlerts', () => {
  let fixture: ComponentFixture<OrganisationAlerts>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [OrganisationAlerts], providers: provideTestConsole() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OrganisationAlerts);
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const all = (testId: string) => Array.from(root().querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`));
  async function load(list: AlertListDto): Promise<void> {
    http.expectOne({ method: 'GET', url: '/v1/alerts' }).flush(list);
    await fixture.whenStable();
  }

  it('lists the open alerts with since when and a link to act, then the recently resolved ones', async () => {
    await fixture.whenStable();
    expect(root().querySelector('mat-progress-bar')).not.toBeNull();
    await load({
      open: [anAlert(), anAlert({ id: 'a-2', eventType: AlertEventType.SyncFailing, title: 'Campaign sync keeps failing', link: null })],
      recent: [
        anAlert({
          id: 'a-3',
          state: 'resolved',
          title: 'Leads failing',
          eventType: AlertEventType.LeadsFailing,
          resolvedAt: '2026-12-04T10:00:00Z',
        }),
      ],
    });
    const open = all('open-alert');
    expect(open).toHaveLength(2);
    expect(open[0].textContent).toContain('Meta needs a reconnect');
    expect(open[0].textContent).toContain('open since');
    expect(open[0].querySelector('time')?.getAttribute('datetime')).toBe('2026-12-05T10:00:00.000Z');
    expect(open[0].querySelector('a')?.getAttribute('href')).toBe('/integrations/meta');
    expect(open[1].querySelector('a')).toBeNull();
    expect(open[1].textContent).toContain('A sync keeps failing');
    expect(open[1].textContent).not.toContain('sync_failing');
    const resolved = all('resolved-alert');
    expect(resolved).toHaveLength(1);
    expect(resolved[0].textContent).toContain('Leads failing');
    expect(resolved[0].textContent).toContain('resolved');
  });

  it('says when nothing is open, and shows no resolved section when none were', async () => {
    await load({ open: [], recent: [] });
    expect(root().textContent).toContain('No open alerts');
    expect(root().textContent).not.toContain('Resolved in the last 14 days');
  });

  it('shows an error with a retry', async () => {
    http.expectOne('/v1/alerts').flush(anErrorEnvelope(403, 'forbidden', 'Admins only'), { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    expect(root().textContent).toContain('Alerts could not be loaded');
    root().querySelector<HTMLButtonElement>('lg-error-state button')!.click();
    await load({ open: [anAlert()], recent: [] });
    expect(all('open-alert')).toHaveLength(1);
  });
});
