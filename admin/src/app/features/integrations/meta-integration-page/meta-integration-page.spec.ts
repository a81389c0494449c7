import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { MetaConnectionStatus, MetaIntegrationStatus, Role } from '@legeai/contracts';

import { aCurrentUser, anErrorEnvelope } from '../../../../testing/factories';
import { aDisconnectedMetaStatus, aLeadForm, aMetaPage, aMetaStatus, anAdAccount } from '../../../../testing/meta-factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { signIn } from '../../../../testing/sign-in';
import { formatInstant } from '../../../shared/time/format-time';
import { BrowserLocation } from '../browser-location';
import { MetaIntegrationPage } from './meta-integration-page';

const BASE = '/v1/integrations/meta';
const DAY = 24 * 3600_000;

describe('MetaIntegrationPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  /** Where the page sent the browser; the real page would have left the console. */
  let visited: string[];

  async function render(role: Role = Role.Admin, url = '/integrations/meta'): Promise<void> {
    visited = [];
    TestBed.configureTestingModule({
      providers: [
        ...provideTestConsole(),
        provideRouter([{ path: 'integrations/meta', component: MetaIntegrationPage }]),
        { provide: BrowserLocation, useValue: { assign: (to: string) => visited.push(to) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signIn(aCurrentUser({ role }));

    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, MetaIntegrationPage);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
  }

  afterEach(() => http.verify());

  async function stable(): Promise<void> {
    await harness.fixture.whenStable();
  }

  async function answerStatus(status: MetaConnectionStatus): Promise<void> {
    http.expectOne({ method: 'GET', url: `${BASE}/status` }).flush(status);
    await stable();
  }

  async function answerAssets(forms = [aLeadForm()]): Promise<void> {
    http.expectOne(`${BASE}/ad-accounts`).flush([anAdAccount()]);
    http.expectOne(`${BASE}/pages`).flush([aMetaPage(), aMetaPage({ id: 'p-2', name: 'Acme Travel', subscribed: false })]);
    http.expectOne(`${BASE}/lead-forms`).flush(forms);
    await stable();
  }

  async function renderConnected(status = aMetaStatus(), role = Role.Admin): Promise<void> {
    await render(role);
    await answerStatus(status);
    await answerAssets();
  }

  function text(selector = ':root'): string {
    const host = harness.routeNativeElement as HTMLElement;
    const element = selector === ':root' ? host : host.querySelector(selector);
    return element?.textContent?.replace(/\s+/g, ' ') ?? '';
  }

  async function button(name: RegExp | string): Promise<MatButtonHarness> {
    return loader.getHarness(MatButtonHarness.with({ text: name }));
  }

  async function table(label: string): Promise<MatTableHarness> {
    return loader.getHarness(MatTableHarness.with({ selector: `[aria-label="${label}"]` }));
  }

  function serverError(message: string) {
    return [anErrorEnvelope(503, 'service_unavailable', message), { status: 503, statusText: 'Unavailable' }] as const;
  }

  describe('not connected', () => {
    it('explains the integration, shows sandbox mode, and sends an admin to the dialog URL on Connect', async () => {
      await render();
      await answerStatus(aDisconnectedMetaStatus({ sandbox: true }));

      expect(text()).toContain('No Meta account connected');
      expect(text('[data-testid="sandbox-mode"]')).toContain('Sandbox mode');
      // No assets are asked for while nothing is connected.
      http.expectNone(`${BASE}/ad-accounts`);

      const connect = await button(/Connect Meta account/);
      await connect.click();
      http
        .expectOne({ method: 'GET', url: `${BASE}/auth/url` })
        .flush({ url: 'https://sandbox.test/v24.0/dialog/oauth?state=s1', expiresIn: 600, scopes: ['ads_read'] });
      await stable();

      expect(visited).toEqual(['https://sandbox.test/v24.0/dialog/oauth?state=s1']);
      expect(await connect.isDisabled()).toBe(true);
    });

    it('lets Connect be tried again when the dialog URL cannot be had', async () => {
      await render();
      await answerStatus(aDisconnectedMetaStatus());

      const connect = await button(/Connect Meta account/);
      await connect.click();
      http.expectOne(`${BASE}/auth/url`).flush(...serverError('Meta is not configured'));
      await stable();

      expect(visited).toEqual([]);
      expect(await connect.isDisabled()).toBe(false);
      expect(await (await root.getHarness(MatSnackBarHarness)).getMessage()).toBe('Meta is not configured');
    });

    it('shows viewers the Connect button disabled, says the page is read-only for them and who can connect', async () => {
      await render(Role.Viewer);
      await answerStatus(aDisconnectedMetaStatus());

      expect(text()).toContain('An admin of your organisation can connect');
      expect(text('[data-testid="read-only-hint"]')).toContain('Read-only: your role is Viewer.');
      const connect = await loader.getHarness(MatButtonHarness.with({ text: /Connect Meta account/ }));
      expect(await connect.isDisabled()).toBe(true);
    });

    it('shows admins no read-only hint', async () => {
      await render(Role.Admin);
      await answerStatus(aDisconnectedMetaStatus());

      expect(text()).not.toContain('Read-only');
    });
  });

  describe('connected', () => {
    it('shows the Meta user, status, scopes, expiry, API version and every health check with its hint', async () => {
      await renderConnected(
        aMetaStatus({
          overall: 'warning',
          checks: [
            { key: 'token', level: 'ok', message: 'The access token is valid.' },
            {
              key: 'last_webhook',
              level: 'warning',
              message: 'No webhook received in 3 days.',
              hint: 'Check that the app subscription points at this server.',
            },
            { key: 'page_subscriptions', level: 'error', message: 'Acme Travel is not subscribed.' },
          ],
        }),
      );

      const card = text('[data-testid="connection-card"]');
      expect(card).toContain('Sandra Sandbox');
      // Name above id in the header's text column (projected there, not laid out beside each other).
      const headerText = (harness.routeNativeElement as HTMLElement).querySelector('.mat-mdc-card-header-text');
      expect(headerText?.querySelector('mat-card-title')?.textContent?.trim()).toBe('Sandra Sandbox');
      expect(headerText?.querySelector('mat-card-subtitle')?.textContent?.trim()).toMatch(/^Meta user \d+$/);
      expect(text('[data-testid="status-chip"]').trim()).toBe('Active');
      expect(text('[data-testid="granted-scopes"]')).toContain('leads_retrieval');
      expect(text('[data-testid="token-expiry"]')).toMatch(/in (49|50) days/);
      expect(text('[data-testid="api-version"]')).toBe('v24.0');
      expect(text('[data-testid="overall"]')).toBe('Needs attention');
      expect(text('[data-check="last_webhook"]')).toContain('Check that the app subscription points at this server.');

      const host = harness.routeNativeElement as HTMLElement;
      const icons = Array.from(host.querySelectorAll('.check .check-icon')).map((icon) => icon.textContent?.trim());
      expect(icons).toEqual(['check_circle', 'warning', 'error']);
      // Nothing needs reconnecting, so Reconnect is an ordinary action rather than a call to act.
      expect(host.querySelector('.reconnect')).toBeNull();
      expect(host.querySelector('[data-testid="graph-pause"]')).toBeNull();
    });

    it("writes the moment a check speaks of in the reader's time zone, as the card's own times, not the server's UTC", async () => {
      const lastWebhookAt = '2026-12-05T17:16:00.000Z';
      await renderConnected(
        aMetaStatus({
          lastWebhookAt,
          checks: [
            {
              key: 'last_webhook',
              level: 'ok',
              message: 'Last webhook received 5 Dec 2026, 17:16 UTC',
              at: lastWebhookAt,
              atText: '5 Dec 2026, 17:16 UTC',
            },
            // A check stored before checks carried their moment reads as it was written.
            { key: 'token_expiry', level: 'ok', message: 'The access token is valid until 30 Jan 2027' },
          ],
        }),
      );

      const local = formatInstant(lastWebhookAt);
      expect(text('[data-check="last_webhook"] .check-message').replace(/\s+/g, ' ').trim()).toBe(`Last webhook received ${local}`);
      expect(text('[data-check="last_webhook"]')).not.toContain('UTC');
      expect(text('[data-check="token_expiry"] .check-message').trim()).toBe('The access token is valid until 30 Jan 2027');
    });

    it('warns about a token that expires soon and urges a reconnect when permissions are missing', async () => {
      await renderConnected(
        aMetaStatus({
          tokenExpiresAt: new Date(Date.now() + 3 * DAY + 3600_000).toISOString(),
          missingScopes: ['leads_retrieval', 'pages_manage_metadata'],
        }),
      );

      const expiry = (harness.routeNativeElement as HTMLElement).querySelector('[data-testid="token-expiry"]');
      expect(expiry?.classList).toContain('expiry-warning');
      expect(expiry?.textContent).toContain('in 3 days');
      const missing = text('[data-testid="missing-scopes"]');
      expect(missing).toContain('leads_retrieval — needed to download the leads');
      expect(missing).toContain('pages_manage_metadata — needed to subscribe your pages');
      expect(text('.reconnect')).toContain('permissions the integration needs were not granted');

      await (await loader.getHarness(MatButtonHarness.with({ text: /Reconnect/, ancestor: '.reconnect' }))).click();
      http.expectOne(`${BASE}/auth/url`).flush({ url: 'https://sandbox.test/dialog', expiresIn: 600, scopes: [], loginConfigId: null });
      expect(visited).toEqual(['https://sandbox.test/dialog']);
    });

    it('shows a system user token with its business, the token type and no expiry warning', async () => {
      await renderConnected(
        aMetaStatus({
          tokenType: 'SYSTEM_USER',
          business: { id: '872044519931001', name: 'Acme Holdings' },
          metaUser: { id: '61550000000001', name: 'LEGEAI system user' },
          tokenExpiresAt: null,
        }),
      );

      expect(text('[data-testid="connection-business"]').trim()).toBe('Acme Holdings');
      expect(text('[data-testid="connection-card"]')).toContain('Business 872044519931001 · system user 61550000000001');
      expect(text('[data-testid="token-type"]').trim()).toBe('System user token (business integration)');
      const expiry = (harness.routeNativeElement as HTMLElement).querySelector('[data-testid="token-expiry"]');
      expect(expiry?.textContent).toContain('Never (system user tokens do not need renewing)');
      expect(expiry?.className).not.toMatch(/expiry-/);
    });

    it("shows a setup problem with its hint and a link to Meta's page, opening in a new tab", async () => {
      await renderConnected(
        aMetaStatus({
          overall: 'error',
          checks: [
            { key: 'token', level: 'ok', message: 'Meta accepts the access token' },
            {
              key: 'leads_access',
              level: 'error',
              message: 'Leads of Acme Insurance (its Leads Access Manager leaves out this app) cannot be read; test leads still work',
              hint: 'In Meta Business Suite → Business settings → Integrations → Leads access, add this app under CRMs.',
              helpUrl: 'https://developers.facebook.com/docs/graph-api/reference/has-lead-access/',
            },
          ],
        }),
      );

      const line = (harness.routeNativeElement as HTMLElement).querySelector('[data-check="leads_access"]')!;
      expect(line.textContent).toContain('Leads Access Manager leaves out this app');
      expect(line.textContent).toContain('add this app under CRMs');
      const link = line.querySelector<HTMLAnchorElement>('[data-testid="check-help"]')!;
      expect(link.href).toBe('https://developers.facebook.com/docs/graph-api/reference/has-lead-access/');
      expect(link.target).toBe('_blank');
      expect(link.rel).toContain('noopener');
      // A check without a page of Meta's has no link.
      expect((harness.routeNativeElement as HTMLElement).querySelector('[data-check="token"] [data-testid="check-help"]')).toBeNull();
    });

    it('says syncing is paused when Meta no longer accepts the token', async () => {
      await renderConnected(aMetaStatus({ connected: true, status: MetaIntegrationStatus.ReauthRequired, overall: 'error' }));

      expect(text('[data-testid="status-chip"]').trim()).toBe('Reconnect needed');
      expect(text('.reconnect')).toContain('Syncing is paused until you reconnect');
    });

    it('shows a pause of the Graph calls with its failures and next probe, once, instead of as a health line', async () => {
      const since = '2026-11-20T09:00:00.000Z';
      await renderConnected(
        aMetaStatus({
          overall: 'warning',
          checks: [
            { key: 'graph_calls', level: 'warning', message: `Meta calls for this connection are paused since ${since} after 12 failures` },
            { key: 'token', level: 'ok', message: 'The access token is valid.' },
          ],
          graphPause: {
            since,
            failures: 12,
            nextProbeAt: '2026-11-20T09:05:00.000Z',
            probing: false,
            lastError: 'Service temporarily unavailable',
          },
        }),
      );

      const pause = text('[data-testid="graph-pause"]');
      expect(pause).toContain('Meta calls for this connection are paused since');
      expect(pause).toContain('after 12 failures');
      expect(pause).toContain('next probe at');
      expect(text('[data-testid="overall"]')).toBe('Needs attention');
      expect(text().match(/paused since/g)).toHaveLength(1);
      const host = harness.routeNativeElement as HTMLElement;
      expect(host.querySelector('[data-check="graph_calls"]')).toBeNull();
      expect(host.querySelector('[data-check="token"]')).not.toBeNull();
    });

    it('says a probe is under way while one is out', async () => {
      await renderConnected(
        aMetaStatus({
          graphPause: {
            since: '2026-11-20T09:00:00.000Z',
            failures: 1,
            nextProbeAt: '2026-11-20T09:05:00.000Z',
            probing: true,
            lastError: null,
          },
        }),
      );
      expect(text('[data-testid="graph-pause"]')).toContain('after 1 failure; a probe call is under way.');
    });

    it('lists ad accounts, pages with their subscription state, and lead forms', async () => {
      await renderConnected();

      const accounts = await (await table('Ad accounts')).getCellTextByColumnName();
      expect(accounts['name'].text).toEqual(['Acme Leads DE']);
      expect(accounts['adAccountId'].text).toEqual(['act_1015012345']);
      expect(accounts['currency'].text).toEqual(['EUR']);
      expect(accounts['timezone'].text).toEqual(['Europe/Berlin']);
      expect(accounts['status'].text).toEqual(['Active']);

      const pages = await (await table('Pages')).getCellTextByColumnName();
      expect(pages['category'].text).toEqual(['Insurance broker', 'Insurance broker']);
      expect(pages['followers'].text).toEqual(['12,500', '12,500']);
      expect(pages['subscription'].text).toEqual(['Subscribed', 'Not subscribed']);

      const forms = await (await table('Lead forms')).getCellTextByColumnName();
      expect(forms['name'].text[0]).toContain('Car insurance quote');
      expect(forms['page'].text).toEqual(['Acme Insurance']);
      expect(forms['status'].text).toEqual(['Active']);
      expect(forms['leads'].text).toEqual(['40']);
      expect(forms['atMeta'].text).toEqual(['42']);
      expect(forms['questions'].text).toEqual(['4']);
    });

    it('shows viewers the connection with every action disabled, under a read-only hint', async () => {
      await renderConnected(aMetaStatus(), Role.Viewer);

      expect(text('[data-testid="connection-card"]')).toContain('Sandra Sandbox');
      expect(text('[data-testid="read-only-hint"]')).toContain(
        'Read-only: your role is Viewer. Admins connect, check, reconnect and disconnect the Meta account and ' +
          'switch auto-sync; managers and admins send test leads and sync leads.',
      );
      const actions = await loader.getAllHarnesses(MatButtonHarness.with({ text: /Disconnect|Run check now|Refresh assets|Reconnect/ }));
      expect(actions).toHaveLength(4);
      for (const action of actions) {
        expect(await action.isDisabled()).toBe(true);
      }
      expect(await (await loader.getHarness(MatSlideToggleHarness)).isDisabled()).toBe(true);
    });

    it('tells managers what they may do here and what only admins do', async () => {
      await renderConnected(aMetaStatus(), Role.Manager);

      expect(text('[data-testid="read-only-hint"]')).toContain(
        'Read-only: your role is Manager. Admins connect, check, reconnect and disconnect the Meta account and ' +
          'switch auto-sync; you can send test leads and sync leads.',
      );
      expect(await (await loader.getHarness(MatButtonHarness.with({ text: /Disconnect/ }))).isDisabled()).toBe(true);
    });

    it('runs the health check on demand, with progress, and shows the fresh status', async () => {
      await renderConnected();

      const check = await button(/Run check now/);
      await check.click();
      const request = http.expectOne({ method: 'POST', url: `${BASE}/status/check` });
      expect(await check.isDisabled()).toBe(true);
      request.flush(aMetaStatus({ apiVersion: 'v25.0' }));
      // The check may have found new forms, so the lists are read again.
      await answerAssets();

      expect(await check.isDisabled()).toBe(false);
      expect(text('[data-testid="api-version"]')).toBe('v25.0');
    });

    it('refreshes the assets and reloads every table', async () => {
      await renderConnected();

      await (await button(/Refresh assets/)).click();
      http.expectOne({ method: 'POST', url: `${BASE}/refresh` }).flush(aMetaStatus());
      await answerAssets([aLeadForm(), aLeadForm({ id: 'f-2', name: 'Home insurance' })]);

      expect((await (await table('Lead forms')).getRows()).length).toBe(2);
    });
  });

  describe('result banner after the Meta dialog', () => {
    it('names each missing permission with what it is needed for, then drops the query parameters', async () => {
      await render(Role.Admin, '/integrations/meta?result=missing_permissions&missing=leads_retrieval,ads_read');
      await answerStatus(aMetaStatus({ missingScopes: ['leads_retrieval', 'ads_read'] }));
      await answerAssets();

      const banner = text('[data-testid="connect-result"]');
      expect(banner).toContain('Some permissions were not granted');
      expect(banner).toContain('leads_retrieval — needed to download the leads people submit');
      expect(banner).toContain('ads_read — needed to read ad accounts, campaigns and their insights');
      expect(TestBed.inject(Router).url).toBe('/integrations/meta');
    });

    it('explains a declined dialog: nothing was shared, and how to try again', async () => {
      await render(Role.Admin, '/integrations/meta?result=denied');
      await answerStatus(aDisconnectedMetaStatus());

      const banner = text('[data-testid="connect-result"]');
      expect(banner).toContain('nothing was shared with LEGEAI');
      expect(banner).toContain('choose Connect Meta account and select Continue');

      await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Dismiss message"]' }))).click();
      expect(text()).not.toContain('nothing was shared');
    });

    it('ignores a result it does not know', async () => {
      await render(Role.Admin, '/integrations/meta?result=bogus');
      await answerStatus(aDisconnectedMetaStatus());

      expect((harness.routeNativeElement as HTMLElement).querySelector('[data-testid="connect-result"]')).toBeNull();
    });
  });

  describe('auto-sync toggle', () => {
    it('switches at once and PATCHes the form', async () => {
      await renderConnected();
      const toggle = await loader.getHarness(MatSlideToggleHarness);

      await toggle.toggle();
      const request = http.expectOne({ method: 'PATCH', url: `${BASE}/lead-forms/f-1` });
      expect(request.request.body).toEqual({ autoSync: true });
      expect(await toggle.isChecked()).toBe(true);
      expect(await toggle.isDisabled()).toBe(true);

      request.flush(aLeadForm({ autoSync: true }));
      await stable();
      expect(await toggle.isChecked()).toBe(true);
      expect(await toggle.isDisabled()).toBe(false);
    });

    it("puts the toggle back and shows the server's reason when the change is refused", async () => {
      await renderConnected();
      const toggle = await loader.getHarness(MatSlideToggleHarness);

      await toggle.toggle();
      http
        .expectOne({ method: 'PATCH', url: `${BASE}/lead-forms/f-1` })
        .flush(anErrorEnvelope(409, 'conflict', 'The form is archived'), { status: 409, statusText: 'Conflict' });
      await stable();

      expect(await toggle.isChecked()).toBe(false);
      expect(await toggle.isDisabled()).toBe(false);
      expect(await (await root.getHarness(MatSnackBarHarness)).getMessage()).toBe('The form is archived');
    });
  });

  describe('lead form actions', () => {
    async function menuItems(): Promise<string[]> {
      const menu = await loader.getHarness(MatMenuHarness);
      await menu.open();
      const items = await Promise.all((await menu.getItems()).map((item) => item.getText()));
      // Drops the icon's ligature (lower case), keeping the label people read.
      return items.map((t) => t.replace(/^[a-z_]+/, '').trim());
    }

    it('marks forms with questions no lead field takes, counting them', async () => {
      await render();
      await answerStatus(aMetaStatus());
      await answerAssets([aLeadForm(), aLeadForm({ id: 'f-2', name: 'Home insurance', unmappedQuestions: 2 })]);

      // The count comes with the forms list: no mapping is read per form.
      http.expectNone((req) => req.url.endsWith('/mapping'));
      const forms = await (await table('Lead forms')).getCellTextByColumnName();
      expect(forms['questions'].text.map((t) => t.replace(/\s+/g, ' '))).toEqual(['4', '4 2 unmapped']);
    });

    it('says when each form was last reconciled and how, and which auto-sync forms were not yet', async () => {
      await render();
      await answerStatus(aMetaStatus());
      await answerAssets([
        aLeadForm({
          autoSync: true,
          lastReconciledAt: new Date(Date.now() - 5 * 60_000).toISOString(),
          lastReconcileOutcome: 'ok',
          lastReconcileNote: 'Read 3 leads from Meta, 1 new',
        }),
        aLeadForm({ id: 'f-2', name: 'Home insurance', autoSync: true }),
        aLeadForm({ id: 'f-3', name: 'Life insurance', autoSync: false }),
      ]);
      const forms = await (await table('Lead forms')).getCellTextByColumnName();
      const cells = forms['reconciled'].text.map((t) => t.replace(/\s+/g, ' ').trim());
      expect(cells[0]).toMatch(/^check_circle 5 minutes ago$/);
      expect(cells.slice(1)).toEqual(['Not yet', 'Off']);
    });

    it('offers managers a test lead and a sync besides the mapping', async () => {
      await renderConnected(aMetaStatus(), Role.Manager);
      expect(await menuItems()).toEqual(['Edit mapping', 'Send test lead', 'Sync leads now']);
    });

    it('offers viewers the mapping, and the test lead and the sync disabled', async () => {
      await renderConnected(aMetaStatus(), Role.Viewer);
      expect(await menuItems()).toEqual(['Edit mapping', 'Send test lead', 'Sync leads now']);
      const items = await (await loader.getHarness(MatMenuHarness)).getItems();
      expect(await Promise.all(items.map((item) => item.isDisabled()))).toEqual([false, true, true]);
    });

    it('opens the test lead dialog for the form', async () => {
      await renderConnected(aMetaStatus(), Role.Manager);
      const menu = await loader.getHarness(MatMenuHarness);
      await menu.clickItem({ text: /Send test lead/ });

      const dialog = await root.getHarness(MatDialogHarness);
      expect(await dialog.getTitleText()).toBe('Send a test lead to Car insurance quote');
      // Nothing is sent before the manager confirms.
      http.expectNone(`${BASE}/lead-forms/f-1/test-lead`);
    });

    it('reads the forms again after a sync, since their lead counts changed', async () => {
      await renderConnected(aMetaStatus(), Role.Manager);
      await (await loader.getHarness(MatMenuHarness)).clickItem({ text: /Sync leads now/ });
      const dialog = await root.getHarness(MatDialogHarness);
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Sync now' }))).click();
      http.expectOne({ method: 'POST', url: `${BASE}/sync-leads` }).flush({
        formId: 'f-1',
        metaFormId: '9001',
        from: '2026-11-13T00:00:00.000Z',
        to: null,
        fetched: 3,
        created: 1,
        existing: 2,
        duplicates: 0,
        watermark: null,
        watermarkAdvanced: false,
      });
      await stable();
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Close' }))).click();
      await stable();

      http.expectOne(`${BASE}/lead-forms`).flush([aLeadForm({ leadsStored: 43, leadsAtMeta: 44 })]);
      await stable();
      const cells = await (await table('Lead forms')).getCellTextByColumnName();
      expect(cells['leads'].text).toEqual(['43']);
      expect(cells['atMeta'].text).toEqual(['44']);
    });
  });

  describe('disconnect', () => {
    it('asks first, saying what happens, and changes nothing when cancelled', async () => {
      await renderConnected();

      await (await button(/Disconnect/)).click();
      const dialog = await root.getHarness(MatDialogHarness);
      expect(await dialog.getTitleText()).toBe('Disconnect Meta account?');
      const message = await dialog.getContentText();
      expect(message).toContain('revoke its permissions at Meta');
      expect(message).toContain('delete the stored access tokens');
      expect(message).toContain('Leads already received and the history are kept');

      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
      await stable();
      http.expectNone({ method: 'POST', url: `${BASE}/disconnect` });
      expect(text('[data-testid="connection-card"]')).toContain('Sandra Sandbox');
    });

    it('POSTs once confirmed and returns to the not-connected state', async () => {
      await renderConnected();

      await (await button(/Disconnect/)).click();
      const dialog = await root.getHarness(MatDialogHarness);
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Disconnect' }))).click();
      http
        .expectOne({ method: 'POST', url: `${BASE}/disconnect` })
        .flush(aDisconnectedMetaStatus({ status: MetaIntegrationStatus.Disconnected }));
      await stable();

      expect(text()).toContain('No Meta account connected');
      expect(await loader.getAllHarnesses(MatTableHarness)).toHaveLength(0);
    });
  });

  describe('loading and errors', () => {
    it('shows progress while the connection loads', async () => {
      await render();
      expect(await loader.getHarnessOrNull(MatProgressBarHarness)).not.toBeNull();
      await answerStatus(aDisconnectedMetaStatus());
      expect(await loader.getHarnessOrNull(MatProgressBarHarness)).toBeNull();
    });

    it('shows why the connection could not be loaded, once, and retries', async () => {
      await render();
      http.expectOne(`${BASE}/status`).flush(...serverError('Database unavailable'));
      await stable();

      expect(text()).toContain('The Meta connection could not be loaded');
      expect(text()).toContain('Database unavailable');
      expect(await root.getAllHarnesses(MatSnackBarHarness)).toHaveLength(0);

      await (await button(/Try again/)).click();
      await answerStatus(aMetaStatus());
      await answerAssets();
      expect(text('[data-testid="connection-card"]')).toContain('Sandra Sandbox');
    });

    it('shows a failed table with its own retry while the others still show', async () => {
      await render();
      await answerStatus(aMetaStatus());
      http.expectOne(`${BASE}/ad-accounts`).flush([anAdAccount()]);
      http.expectOne(`${BASE}/pages`).flush(...serverError('Meta is slow'));
      http.expectOne(`${BASE}/lead-forms`).flush([]);
      await stable();

      expect(text()).toContain('Pages could not be loaded');
      expect(text()).toContain('No lead forms');
      expect((await (await table('Ad accounts')).getRows()).length).toBe(1);

      await (await button(/Try again/)).click();
      http.expectOne(`${BASE}/pages`).flush([aMetaPage()]);
      await stable();
      expect((await (await table('Pages')).getRows()).length).toBe(1);
    });
  });
});
