import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CapiEventDto, CapiOverviewDto, CapiSettingsDto, DEFAULT_CAPI_EVENT_NAMES, LeadStatus, Role } from '@legeai/contracts';

import { aCurrentUser } from '../../../../testing/factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { signIn } from '../../../../testing/sign-in';
import { ConversionsPage } from './conversions-page';

const BASE = '/v1/integrations/meta';

const settings: CapiSettingsDto = {
  adAccountId: 'act_1025004400112233',
  datasetId: '1530770000000101',
  datasetName: 'Harbor Point CRM',
  enabled: true,
  includeOrganic: false,
  includeTest: false,
  eventNames: { ...DEFAULT_CAPI_EVENT_NAMES },
  testEventCode: 'TEST_LEGEAI_SANDBOX',
  leadEventSource: 'LEGEAI',
  updatedAt: '2026-11-20T10:00:00.000Z',
};

const overview: CapiOverviewDto = {
  days: 14,
  rows: [
    {
      day: '2026-11-21',
      status: LeadStatus.Qualified,
      eventName: 'Qualified Lead',
      sent: 3,
      accepted: 2,
      failed: 1,
      expired: 0,
      pending: 0,
    },
  ],
  totals: { sent: 3, accepted: 2, failed: 1, expired: 0, pending: 0 },
  failureReasons: [{ reason: 'Invalid parameter: data[0]: event_name is required', count: 1 }],
};

const failedEvent: CapiEventDto = {
  id: '6a0ec876-cf8f-41a0-bcba-ca7e401cb6b0',
  leadId: 'l-1',
  metaLeadId: '1140000001156174',
  status: LeadStatus.Qualified,
  eventName: 'Qualified Lead',
  eventId: '1140000001156174:qualified',
  state: 'failed',
  changedAt: '2026-11-21T10:00:00.000Z',
  eventTime: '2026-11-21T10:00:00.000Z',
  attempts: 1,
  sentAt: '2026-11-21T10:00:01.000Z',
  acceptedAt: null,
  lastError: 'Invalid parameter: data[0]: event_name is required',
  answer: null,
  testEventCode: null,
};

describe('ConversionsPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function render(role: Role): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [...provideTestConsole(), provideRouter([{ path: 'conversions', component: ConversionsPage }])],
    });
    http = TestBed.inject(HttpTestingController);
    await signIn(aCurrentUser({ role }));
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/conversions', ConversionsPage);
    http.expectOne(`${BASE}/conversions/overview?days=14`).flush(overview);
    http.expectOne(`${BASE}/conversions/events?state=failed&limit=50`).flush({ items: [failedEvent], total: 1, limit: 50, offset: 0 });
    http.expectOne(`${BASE}/ad-accounts`).flush([]);
    http.expectOne(`${BASE}/conversions/settings`).flush(settings);
    http.expectOne(`${BASE}/conversions/datasets?adAccountId=act_1025004400112233`).flush([]);
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  it('shows the setup, the overview per day and stage, the reasons of failures and the failed events', async () => {
    const page = await render(Role.Manager);
    const text = page.textContent!.replace(/\s+/g, ' ');
    expect(page.querySelector('[data-testid="capi-sending"]')?.textContent).toContain('Sending is on');
    expect(text).toContain('Harbor Point CRM');
    expect(page.querySelector('[data-testid="capi-total-accepted"]')?.textContent?.trim()).toBe('2');
    const row = page.querySelector('[data-testid="capi-overview-row"]')!.textContent!.replace(/\s+/g, ' ');
    expect(row).toContain('Qualified');
    expect(row).toContain('Qualified Lead');
    expect(row).not.toContain('2026-11-21');
    expect(text).toContain('Why events failed');
    expect(text).toContain('event_name is required');
    expect(text).toContain('Admins choose the dataset');
  });

  it('lets a manager send a failed event again with the same event id', async () => {
    const page = await render(Role.Manager);
    const button = Array.from(page.querySelectorAll('button')).find((b) => b.textContent?.includes('Send again'))!;
    button.click();
    const req = http.expectOne({ method: 'POST', url: `${BASE}/conversions/events/replay` });
    expect(req.request.body).toEqual({ ids: [failedEvent.id] });
    req.flush({ replayed: 1 });
    http.expectOne(`${BASE}/conversions/overview?days=14`).flush(overview);
    http.expectOne(`${BASE}/conversions/events?state=failed&limit=50`).flush({ items: [], total: 0, limit: 50, offset: 0 });
    await harness.fixture.whenStable();
    expect(page.textContent).toContain('No failed events');
  });

  it('tells viewers that replays are for managers and admins', async () => {
    const page = await render(Role.Viewer);
    expect(page.textContent).toContain('Managers and admins send failed events again');
    expect(Array.from(page.querySelectorAll('button')).some((b) => b.textContent?.includes('Send again'))).toBe(false);
  });
});
