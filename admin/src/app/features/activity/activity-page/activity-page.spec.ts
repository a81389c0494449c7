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
