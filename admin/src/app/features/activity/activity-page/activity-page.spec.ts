import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatExpansionPanelHarness } from '@angular/material/expansion/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { LeadSyncDto, LeadSyncState, Role } from '@legeai/contracts';

import { aCurrentUser, anErrorEnvelope } from '../../../../testing/factories';
import { ManualInterval, provideManualInterval } from '../../../../testing/manual-interval';
import { aLeadSync, aMetaActivity } from '../../../../testing/meta-factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { signIn } from '../../../../testing/sign-in';
import { ActivityPage } from './activity-page';

const BASE = '/v1/integrations/meta';

describe('ActivityPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let interval: ManualInterval;

  const failedSync = aLeadSync({
    id: 'ls-9',
    leadgenId: '888000999',
    state: LeadSyncState.Failed,
    fetchedAt: null,
    attempts: 3,
    errorKind: 'permission',
    errorCode: 200,
    errorMessage: 'Requires leads_retrieval permission',
    hint: 'Reconnect Meta and grant leads_retrieval for the page.',
  });

  async function render(role: Role = Role.Manager): Promise<void> {
    interval = new ManualInterval();
    TestBed.configureTestingModule({
      providers: [...provideTestConsole(), provideRouter([{ path: 'activity', component: ActivityPage }]), provideManualInterval(interval)],
    });
    http = TestBed.inject(HttpTestingController);
    await signIn(aCurrentUser({ role }));

    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/activity', ActivityPage);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
  }

  afterEach(() => http.verify());

  async function stable(): Promise<void> {
    await harness.fixture.whenStable();
  }

  function expectSyncs(state: LeadSyncState): TestRequest {
    return http.expectOne((req) => req.method === 'GET' && req.url === `${BASE}/lead-syncs` && req.params.get('state') === state);
  }

  /** Answers one round of the page's reads. */
  async function answer(activity = aMetaActivity(), failed: LeadSyncDto[] = [failedSync], parked: LeadSyncDto[] = []) {
    http.expectOne({ method: 'GET', url: `${BASE}/activity` }).flush(activity);
    expectSyncs(LeadSyncState.Failed).flush({ items: failed, total: failed.length, limit: 50, offset: 0 });
    expectSyncs(LeadSyncState.Parked).flush({ items: parked, total: parked.length, limit: 50, offset: 0 });
    await stable();
  }

  function host(): HTMLElement {
    return harness.routeNativeElement as HTMLElement;
  }

  function text(selector?: string): string {
    const element = selector ? host().querySelector(selector) : host();
    return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  /** The bars of one chart as `label=value`. */
  function bars(selector: string): string[] {
    return Array.from(host().querySelectorAll(`${selector} li.bar`)).map(
      (bar) => `${bar.getAttribute('data-label')}=${bar.querySelector('.value')?.textContent?.trim()}`,
    );
  }

  /** What the bars of one chart say they count, as people read it. */
  function barNames(selector: string): string[] {
    return Array.from(host().querySelectorAll(`${selector} li.bar .name`)).map((name) => name.textContent?.trim() ?? '');
  }

  async function button(name: RegExp): Promise<MatButtonHarness | null> {
    return loader.getHarnessOrNull(MatButtonHarness.with({ text: name }));
  }

  it('shows lead syncs per state and each queue as bars, and the recent deliveries', async () => {
    await render();
    await answer();

    expect(bars('[data-testid="sync-counts"]')).toEqual(['pending=4', 'stored=120', 'duplicate=6', 'failed=2', 'parked=0', 'skipped=1']);
    expect(barNames('[data-testid="sync-counts"]')).toEqual(['Pending', 'Stored', 'Already stored', 'Failed', 'Parked', 'Skipped']);
    expect(bars('[data-testid="queue-depth"]')).toEqual(['waiting=3', 'active=1', 'delayed=2', 'failed=0']);
    expect(barNames('[data-testid="queue-depth"]')).toEqual(['Waiting', 'Running', 'Delayed', 'Failed']);
    expect(text('[data-testid="queue-depth"] h2')).toBe('Lead capture meta-leads');
    expect(text('[data-testid="queue-completed"]')).toBe('40 completed in the last day');

    const deliveries = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(deliveries['receivedAt'].text).toEqual(['3 minutes ago']);
    expect(deliveries['status'].text).toEqual(['Processed']);
    expect(deliveries['changes'].text[0]).toMatch(/^2 changes\s*· 1 lead$/);
    expect(deliveries['ignored'].text).toEqual(['Not a lead change (feed)']);
  });

  it('labels a quarantined delivery and says why it was not processed', async () => {
    await render();
    const [processed] = aMetaActivity().deliveries;
    await answer(
      aMetaActivity({
        deliveries: [
          {
            ...processed,
            id: 'd-2',
            status: 'quarantined',
            quarantineReason: 'nul_character',
            jobCount: null,
            changeCount: 1,
            ignored: [],
          },
          processed,
        ],
      }),
    );

    const deliveries = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(deliveries['status'].text).toEqual(['report Quarantined', 'Processed']);
    expect(deliveries['changes'].text[0]).toBe('1 change');
    expect(deliveries['ignored'].text[0]).toContain('Quarantined: the body contains a NUL character (\\u0000).');
    expect(deliveries['ignored'].text[0]).toContain('Kept as received');
    expect(deliveries['ignored'].text[1]).toBe('Not a lead change (feed)');
  });

  it("lists failed leads with the error, the hint, attempts and each lead's timeline", async () => {
    await render();
    await answer();

    const panel = await loader.getHarness(MatExpansionPanelHarness);
    expect(await panel.getTitle()).toContain('888000999');
    expect(await panel.getTitle()).toContain('Permission missing');
    expect(await panel.getDescription()).toContain('Requires leads_retrieval permission');
    await panel.expand();
    const body = await panel.getTextContent();
    expect(body).toContain('Reconnect Meta and grant leads_retrieval for the page.');
    expect(body).toMatch(/Attempts\s*3/);
    expect(body).toMatch(/Received\s*\w+ \d+, 2026/);
    expect(body).toMatch(/Fetched\s*not yet/);
    expect(text('[data-testid="parked-list"]')).toContain('No parked leads');
  });

  it("names the Page and form of a failed lead, falls back to ids, and wraps Meta's message", async () => {
    await render();
    const unnamed = aLeadSync({
      id: 'ls-10',
      leadgenId: '888000111',
      state: LeadSyncState.Failed,
      pageId: '2222',
      pageName: null,
      formId: '9002',
      formName: null,
      errorKind: 'validation',
      errorMessage: `(#100) ${'x'.repeat(300)}`,
      hint: null,
    });
    await answer(aMetaActivity(), [failedSync, unnamed]);

    const [named, fallback] = await loader.getAllHarnesses(MatExpansionPanelHarness);
    expect(await named.getTitle()).toContain('Spring offer on Acme Insurance');
    expect(await fallback.getTitle()).toContain('Form 9002 on Page 2222');
    await named.expand();
    expect(await named.getTextContent()).toMatch(/Page\s*Acme Insurance\s*1111\s*Form\s*Spring offer\s*9001/);
    expect(await named.getTextContent()).toMatch(/What happened\s*Permission missing/);

    // No hint of its own: the error kind's fix-it hint stands in.
    await fallback.expand();
    expect(await fallback.getTextContent()).toContain('check the form on the Meta page, then replay');
    const message = host().querySelector('[data-sync="ls-10"] .meta-message') as HTMLElement;
    expect(message.textContent).toContain('(#100)');
    expect(getComputedStyle(message).overflowWrap).toBe('anywhere');
  });

  it('says which window each counter counts', async () => {
    await render();
    await answer();
    expect(text('[data-testid="sync-counts"]')).toContain('All time, since the first lead');
    expect(text()).toContain('The last 50 deliveries');
  });

  it('lists deliveries for Pages not connected here to admins, with what to do', async () => {
    await render(Role.Admin);
    await answer(
      aMetaActivity({
        unknownPages: [{ pageId: '424242', deliveries: 3, lastAt: new Date(Date.now() - 5 * 60_000).toISOString() }],
      }),
    );
    const card = text('[data-testid="unknown-pages"]');
    expect(card).toContain('Deliveries for Pages not connected here');
    expect(card).toContain('reconnect Meta');
    expect(card).toContain('tick the Page');
    const table = await loader.getHarness(MatTableHarness.with({ selector: '[aria-label="Deliveries for Pages not connected here"]' }));
    const cells = await table.getCellTextByColumnName();
    expect(cells['pageId'].text).toEqual(['424242']);
    expect(cells['deliveries'].text).toEqual(['3']);
    expect(cells['lastAt'].text).toEqual(['5 minutes ago']);
  });

  it('tells admins when no delivery was for an unconnected Page', async () => {
    await render(Role.Admin);
    await answer();
    expect(text('[data-testid="unknown-pages"]')).toContain('No deliveries for unconnected Pages');
  });

  it('shows managers no card for unconnected Pages', async () => {
    await render(Role.Manager);
    await answer();
    expect(host().querySelector('[data-testid="unknown-pages"]')).toBeNull();
  });

  it('replays one lead and reads everything again', async () => {
    await render();
    await answer();

    await (await loader.getHarness(MatExpansionPanelHarness)).expand();
    await (await button(/^replay\s*Replay$/))!.click();
    http.expectOne({ method: 'POST', url: `${BASE}/lead-syncs/ls-9/replay` }).flush({ ...failedSync, state: LeadSyncState.Pending });
    await stable();

    await answer(aMetaActivity({ syncs: { ...aMetaActivity().syncs, failed: 0 } }), []);
    expect(text('[data-testid="failed-list"]')).toContain('No failed leads');
  });

  it('asks before replaying every failed lead and posts the state once confirmed', async () => {
    await render();
    await answer();

    await (await button(/Replay all failed/))!.click();
    let dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Replay all failed leads?');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    http.expectNone(`${BASE}/lead-syncs/replay`);

    await (await button(/Replay all failed/))!.click();
    dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Replay all' }))).click();
    const replay = http.expectOne({ method: 'POST', url: `${BASE}/lead-syncs/replay` });
    expect(replay.request.body).toEqual({ state: 'failed' });
    replay.flush({ replayed: 2 });
    await stable();
    await answer();
  });

  it('shows viewers the replays disabled, and says who can replay', async () => {
    await render(Role.Viewer);
    await answer();

    expect(text('[data-testid="read-only-hint"]')).toContain(
      'Read-only: your role is Viewer. Managers and admins replay failed and parked leads.',
    );
    await (await loader.getHarness(MatExpansionPanelHarness)).expand();
    expect(await (await button(/^replay Replay$/))!.isDisabled()).toBe(true);
    expect(await (await button(/Replay all failed/))!.isDisabled()).toBe(true);
  });

  it('refreshes on every tick while visible, keeping what it shows in between', async () => {
    await render();
    await answer();
    expect(interval.periods).toEqual([5_000]);

    interval.tick();
    await stable();
    // The bars stay on screen while the fresh answer is on its way.
    expect(bars('[data-testid="sync-counts"]')).toContain('stored=120');
    await answer(aMetaActivity({ syncs: { ...aMetaActivity().syncs, stored: 121 } }));
    expect(bars('[data-testid="sync-counts"]')).toContain('stored=121');
  });

  it('keeps the last answer when a refresh fails, and says so', async () => {
    await render();
    await answer();

    interval.tick();
    await stable();
    http.expectOne(`${BASE}/activity`).flush(anErrorEnvelope(503, 'unavailable', 'Redis is down'), {
      status: 503,
      statusText: 'Unavailable',
    });
    expectSyncs(LeadSyncState.Failed).flush({ items: [failedSync], total: 1, limit: 50, offset: 0 });
    expectSyncs(LeadSyncState.Parked).flush({ items: [], total: 0, limit: 50, offset: 0 });
    await stable();

    expect(text()).toContain('the latest refresh failed: Redis is down');
    expect(bars('[data-testid="sync-counts"]')).toContain('stored=120');
  });

  it('shows why activity could not be loaded', async () => {
    await render();
    http.expectOne(`${BASE}/activity`).flush(anErrorEnvelope(500, 'internal', 'Boom'), { status: 500, statusText: 'x' });
    expectSyncs(LeadSyncState.Failed).flush({ items: [], total: 0, limit: 50, offset: 0 });
    expectSyncs(LeadSyncState.Parked).flush({ items: [], total: 0, limit: 50, offset: 0 });
    await stable();

    expect(text()).toContain('Activity could not be loaded');
    expect(text()).toContain('Boom');
  });
});
