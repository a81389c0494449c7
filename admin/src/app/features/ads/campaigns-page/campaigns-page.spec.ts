import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { MetaCampaignDto, Role } from '@legeai/contracts';

import { aCampaign, aPage, aSyncState, someGuardrails } from '../../../../testing/ads-factories';
import { aCurrentUser, anErrorEnvelope } from '../../../../testing/factories';
import { ManualInterval, provideManualInterval } from '../../../../testing/manual-interval';
import { anAdAccount } from '../../../../testing/meta-factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { signIn } from '../../../../testing/sign-in';
import { IDEMPOTENCY_HEADER } from '../data/idempotency';
import { CampaignsPage } from './campaigns-page';

describe('CampaignsPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let interval: ManualInterval;

  const account = anAdAccount({ adAccountId: 'act_1015012345', name: 'Harbor Point Leads', currency: 'USD' });
  const other = anAdAccount({ id: 'aa-2', adAccountId: 'act_2', name: 'Harbor Point EU', currency: 'EUR' });
  const home = aCampaign();
  const rejected = aCampaign({
    id: 'c-2',
    name: 'Life insurance TX',
    effectiveStatus: 'WITH_ISSUES',
    dailyBudgetMinor: null,
    lifetimeBudgetMinor: 250000,
    problems: [
      { level: 'ad', objectId: '9', kind: 'review_rejected', title: 'Financial services', message: 'Do not imply personal attributes.' },
    ],
    results: {
      spend: { amountMinor: 12000, currency: 'USD' },
      leads: 14,
      costPerLeadMinor: 857,
      since: '2026-11-01',
      until: '2026-11-30',
    },
  });

  async function render(role = Role.Manager, url = '/ads'): Promise<void> {
    interval = new ManualInterval();
    TestBed.configureTestingModule({
      providers: [...provideTestConsole(), provideManualInterval(interval), provideRouter([{ path: 'ads', component: CampaignsPage }])],
    });
    http = TestBed.inject(HttpTestingController);
    await signIn(aCurrentUser({ role }));
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, CampaignsPage);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
  }

  afterEach(() => http.verify());

  const stable = () => harness.fixture.whenStable();
  const text = () => (harness.routeNativeElement?.textContent ?? '').replace(/\s+/g, ' ');
  const listRequest = () => http.expectOne((req) => req.method === 'GET' && req.url === '/v1/integrations/meta/campaigns');

  /** Answers the account list, then the reads of the account's page: campaigns, sync state and guardrails. */
  async function open(campaigns: MetaCampaignDto[] = [home, rejected]): Promise<TestRequest> {
    http.expectOne('/v1/integrations/meta/ad-accounts').flush([account, other]);
    await stable();
    const list = listRequest();
    list.flush(aPage(campaigns));
    http.expectOne('/v1/integrations/meta/campaigns/sync').flush([aSyncState()]);
    http.expectOne('/v1/integrations/meta/ads-guardrails').flush(someGuardrails());
    await stable();
    return list;
  }

  it('opens the first ad account and lists its campaigns with budgets, results and review problems', async () => {
    await render();
    const list = await open();

    expect(TestBed.inject(Router).url).toBe('/ads?account=act_1015012345');
    const params = list.request.params;
    expect(params.get('adAccountId')).toBe('act_1015012345');
    expect(params.get('sort')).toBe('updatedAt');
    expect(params.get('order')).toBe('desc');
    expect(params.get('limit')).toBe('25');

    const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(rows['name'].text[0]).toContain('Home insurance NJ');
    expect(rows['status'].text).toEqual([expect.stringContaining('Active'), expect.stringContaining('Has issues')]);
    expect(rows['objective'].text).toEqual(['Leads', 'Leads']);
    expect(rows['budget'].text[0]).toContain('$100.00 per day');
    expect(rows['budget'].text[1]).toContain('$2,500.00 in total');
    expect(rows['spend'].text).toEqual(['No data yet', '$120.00']);
    expect(rows['leads'].text).toEqual(['—', '14']);
    expect(rows['cpl'].text).toEqual(['—', '$8.57']);
    expect(text()).toContain('Last synced 5 minutes ago');

    // Meta's own words for the rejection open below the status.
    await (await loader.getHarness(MatButtonHarness.with({ selector: '.problems-toggle' }))).click();
    expect(text()).toContain('Rejected in review: Financial services');
    expect(text()).toContain('Do not imply personal attributes.');
  });

  it('searches, filters and sorts through the address, so a view can be shared', async () => {
    await render(Role.Manager, '/ads?account=act_2&q=life&status=effective:DISAPPROVED&objective=OUTCOME_LEADS&sort=name&order=asc&page=2');
    http.expectOne('/v1/integrations/meta/ad-accounts').flush([account, other]);
    await stable();
    const list = listRequest();
    http.expectOne('/v1/integrations/meta/campaigns/sync').flush([]);
    http.expectOne('/v1/integrations/meta/ads-guardrails').flush(someGuardrails());
    const params = list.request.params;
    list.flush(aPage([]));
    await stable();
    expect(text()).toContain('No campaigns match these filters');
    expect(Object.fromEntries(params.keys().map((k) => [k, params.get(k)]))).toEqual({
      adAccountId: 'act_2',
      q: 'life',
      effectiveStatus: 'DISAPPROVED',
      objective: 'OUTCOME_LEADS',
      sort: 'name',
      order: 'asc',
      limit: '25',
      offset: '25',
    });
  });

  it('tells "no campaigns yet" apart from "none match", and offers the ways to get some', async () => {
    await render();
    await open([]);
    expect(text()).toContain('No campaigns yet');
    expect(text()).toContain('Sync now');
    expect(text()).toContain('Create a lead campaign');
    expect(text()).toContain('Connect an ad account');
  });

  it('says to connect an ad account when there is none', async () => {
    await render();
    http.expectOne('/v1/integrations/meta/ad-accounts').flush([]);
    await stable();
    expect(text()).toContain('No campaigns yet');
    expect(text()).toContain('Connect an ad account');
  });

  it('says why the campaigns could not be loaded, and reads them again on "Try again"', async () => {
    await render();
    http.expectOne('/v1/integrations/meta/ad-accounts').flush([account, other]);
    await stable();
    listRequest().flush(anErrorEnvelope(503, 'service_unavailable', 'The database is not reachable'), {
      status: 503,
      statusText: 'Service Unavailable',
    });
    http.expectOne('/v1/integrations/meta/campaigns/sync').flush([aSyncState()]);
    http.expectOne('/v1/integrations/meta/ads-guardrails').flush(someGuardrails());
    await stable();
    expect(text()).toContain('Campaigns could not be loaded');
    expect(text()).toContain('The database is not reachable');
    expect(text()).not.toContain('No campaigns yet');

    await (await loader.getHarness(MatButtonHarness.with({ text: /Try again/ }))).click();
    listRequest().flush(aPage([home]));
    await stable();
    expect(text()).not.toContain('Campaigns could not be loaded');
    expect(text()).toContain(home.name);
  });

  it('pauses the selected campaigns in one request with an idempotency key, and reads the page again', async () => {
    await render();
    await open();

    const boxes = await loader.getAllHarnesses(MatCheckboxHarness);
    await boxes[1].check();
    await boxes[2].check();
    await (await loader.getHarness(MatButtonHarness.with({ text: /Pause selected/ }))).click();

    const bulk = http.expectOne('/v1/integrations/meta/ads-bulk-status');
    expect(bulk.request.method).toBe('POST');
    expect(bulk.request.body).toEqual({ level: 'campaign', ids: ['c-1', 'c-2'], status: 'PAUSED' });
    expect(bulk.request.headers.get(IDEMPOTENCY_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    bulk.flush({
      results: [
        { id: 'c-1', ok: true, status: 'PAUSED' },
        { id: 'c-2', ok: true, status: 'PAUSED' },
      ],
    });
    await stable();

    listRequest().flush(aPage([{ ...home, status: 'PAUSED', effectiveStatus: 'PAUSED' }, rejected]));
    await stable();
    expect(text()).not.toContain('selected');
  });

  it('pauses one campaign with its switch and shows the saved state', async () => {
    await render();
    await open();

    const toggles = await loader.getAllHarnesses(MatSlideToggleHarness);
    expect(await toggles[0].isChecked()).toBe(true);
    await toggles[0].toggle();

    const put = http.expectOne('/v1/integrations/meta/campaigns/c-1');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ status: 'PAUSED' });
    expect(put.request.headers.has(IDEMPOTENCY_HEADER)).toBe(true);
    put.flush({ ...home, status: 'PAUSED', effectiveStatus: 'PAUSED' });
    await stable();

    expect(await toggles[0].isChecked()).toBe(false);
    const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(rows['status'].text[0]).toContain('Paused');
  });

  it('sends the same key again when the same switch is flipped after a failure', async () => {
    await render();
    await open();

    const toggle = (await loader.getAllHarnesses(MatSlideToggleHarness))[0];
    await toggle.toggle();
    const first = http.expectOne('/v1/integrations/meta/campaigns/c-1');
    first.flush(
      { error: { status: 422, code: 'meta_rejected', message: 'Meta refused the change' } },
      { status: 422, statusText: 'Unprocessable' },
    );
    await stable();
    expect(await toggle.isChecked()).toBe(true);

    await toggle.toggle();
    const second = http.expectOne('/v1/integrations/meta/campaigns/c-1');
    expect(second.request.headers.get(IDEMPOTENCY_HEADER)).toBe(first.request.headers.get(IDEMPOTENCY_HEADER));
    second.flush({ ...home, status: 'PAUSED', effectiveStatus: 'PAUSED' });
    await stable();
  });

  it('shows viewers everything but lets them change nothing, and says who can', async () => {
    await render(Role.Viewer);
    await open();

    expect(text()).toContain('Read-only: your role is Viewer.');
    expect(await (await loader.getHarness(MatButtonHarness.with({ text: /New lead campaign/ }))).isDisabled()).toBe(true);
    expect(await (await loader.getHarness(MatButtonHarness.with({ text: /Sync now/ }))).isDisabled()).toBe(true);
    for (const toggle of await loader.getAllHarnesses(MatSlideToggleHarness)) {
      expect(await toggle.isDisabled()).toBe(true);
    }
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ selector: '[aria-label^="Edit the budget"]' }))).toHaveLength(0);
    // The guardrails are read-only for everyone but admins.
    expect(text()).toContain('Daily budget ceiling per ad account');
    expect(text()).toContain('$500.00');
  });

  it('syncs now and follows the sync until it is done, then reads the table again', async () => {
    await render();
    await open();

    await (await loader.getHarness(MatButtonHarness.with({ text: /Sync now/ }))).click();
    const post = http.expectOne((req) => req.method === 'POST' && req.url === '/v1/integrations/meta/campaigns/sync');
    expect(post.request.body).toEqual({ adAccountId: 'act_1015012345' });
    post.flush({ queued: ['act_1015012345'] });
    await stable();
    expect(text()).toContain('Waiting to sync');

    interval.tick();
    http.expectOne('/v1/integrations/meta/campaigns/sync').flush([aSyncState({ state: 'running' })]);
    await stable();
    expect(text()).toContain('Syncing with Meta');

    interval.tick();
    http.expectOne('/v1/integrations/meta/campaigns/sync').flush([aSyncState({ state: 'ok', lastSyncedAt: new Date().toISOString() })]);
    await stable();
    listRequest().flush(aPage([home, rejected]));
    await stable();
    expect(text()).toContain('Last synced');
  });
});
