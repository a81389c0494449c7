import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestRequest, HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipHarness } from '@angular/material/chips/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSortHarness } from '@angular/material/sort/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { LeadDetailDto, LeadFieldDefinitionDto, LeadStatus, LeadSummaryDto, Role } from '@legeai/contracts';

import { aCurrentUser, anErrorEnvelope } from '../../../../testing/factories';
import { aLeadDetail, aLeadPage, aLeadSummary } from '../../../../testing/lead-factories';
import { aLeadForm } from '../../../../testing/meta-factories';
import { ManualInterval, provideManualInterval } from '../../../../testing/manual-interval';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { signIn } from '../../../../testing/sign-in';
import { formatCalendarDay, formatInstant } from '../../../shared/time/format-time';
import { FileSaver } from '../data/save-file';
import { SEARCH_DEBOUNCE_MS } from '../lead-filters-bar/lead-filters-bar';
import { LeadsPage } from './leads-page';

describe('LeadsPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let saved: { blob: Blob; fileName: string }[];
  let interval: ManualInterval;
  /** The organisation's custom lead fields the page is given. */
  let leadFields: LeadFieldDefinitionDto[] = [];

  const anna = aLeadSummary();
  const ben = aLeadSummary({
    id: 'l-2',
    fullName: 'Ben Braun',
    email: 'ben@example.com',
    status: LeadStatus.Qualified,
    duplicateOfId: 'l-1',
    needsReview: true,
    isOrganic: true,
    campaignId: 'c-2',
    campaignName: 'Home contents',
  });

  async function render(role: Role = Role.Manager, url = '/leads', canSeeContacts = true): Promise<void> {
    saved = [];
    interval = new ManualInterval();
    TestBed.configureTestingModule({
      providers: [
        ...provideTestConsole(),
        provideManualInterval(interval),
        provideRouter([{ path: 'leads', component: LeadsPage }]),
        { provide: FileSaver, useValue: { save: (blob: Blob, fileName: string) => saved.push({ blob, fileName }) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signIn(aCurrentUser({ role, canSeeContacts }));

    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, LeadsPage);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    http.expectOne('/v1/lead-fields').flush(leadFields);
    http.expectOne('/v1/integrations/meta/lead-forms').flush([aLeadForm()]);
  }

  afterEach(() => {
    // The drawer also reads the lead's Conversions API events for its timeline; these tests are not about them.
    for (const req of http.match((r) => r.url === '/v1/integrations/meta/conversions/events')) {
      if (!req.cancelled) {
        req.flush({ items: [], total: 0, limit: 50, offset: 0 });
      }
    }
    http.verify();
    leadFields = [];
  });

  async function stable(): Promise<void> {
    await harness.fixture.whenStable();
  }

  function expectList(): TestRequest {
    return http.expectOne((req) => req.method === 'GET' && req.url === '/v1/leads');
  }

  async function answerList(items: LeadSummaryDto[] = [anna, ben], total = items.length): Promise<void> {
    expectList().flush(aLeadPage(items, total));
    await stable();
  }

  function params(req: TestRequest): Record<string, string | null> {
    const p = req.request.params;
    return Object.fromEntries(p.keys().map((key) => [key, p.get(key)]));
  }

  function text(): string {
    return (harness.routeNativeElement?.textContent ?? '') + (document.querySelector('mat-drawer')?.textContent ?? '');
  }

  function queryParams(): Record<string, string> {
    const tree = TestBed.inject(Router).parseUrl(TestBed.inject(Router).url);
    return tree.queryParams;
  }

  async function select(label: string): Promise<MatSelectHarness> {
    const field = await root.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    return (await field.getControl(MatSelectHarness))!;
  }

  async function openDrawer(lead: LeadDetailDto, role = Role.Manager): Promise<void> {
    await render(role, `/leads?lead=${lead.id}`);
    await answerList([aLeadSummary(lead)]);
    http.expectOne(`/v1/leads/${lead.id}`).flush(lead);
    await stable();
  }

  describe('list', () => {
    it('asks for the first page, newest first, and shows each lead with its stage and badges', async () => {
      await render();

      const req = expectList();
      expect(params(req)).toEqual({ sort: '-receivedAt', limit: '25', offset: '0' });
      req.flush(aLeadPage([anna, ben]));
      await stable();

      const cells = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
      expect(cells['name'].text).toEqual(['Anna Schmidt', 'Ben Braun']);
      expect(cells['phone'].text).toEqual(['+491512345678', '+491512345678']);
      expect(cells['form'].text).toEqual(['Car insurance quote', 'Car insurance quote']);
      expect(cells['status'].text).toEqual(['New', 'Qualified']);
      expect(cells['flags'].text[0]).toBe('');
      expect(cells['flags'].text[1]).toMatch(/^Duplicate\s*Needs review\s*Organic$/);
      expect(cells['receivedAt'].text[0]).toMatch(/ago|yesterday/);
    });

    it('restores every filter, the page and the order from the URL', async () => {
      await render(
        Role.Manager,
        '/leads?q=anna&status=quoted&form=9001&campaign=c-1&duplicate=only&review=1&test=1' +
          '&from=2026-11-01&to=2026-11-15&page=3&size=50&sort=asc',
      );

      const req = expectList();
      expect(params(req)).toEqual({
        q: 'anna',
        status: 'quoted',
        formId: '9001',
        campaignId: 'c-1',
        duplicateState: 'duplicate',
        needsReview: 'true',
        includeTest: 'true',
        from: new Date(2026, 10, 1).toISOString(),
        to: new Date(2026, 10, 15, 23, 59, 59, 999).toISOString(),
        sort: 'receivedAt',
        limit: '50',
        offset: '100',
      });
      req.flush(aLeadPage([anna], 101, 50, 100));
      await stable();

      expect(await (await select('Status')).getValueText()).toBe('Quoted');
      expect(await (await select('Form')).getValueText()).toBe('Car insurance quote');
      expect(await (await select('Duplicates')).getValueText()).toBe('Only duplicates');
      const search = await root.getHarness(MatInputHarness.with({ placeholder: 'Name, email or phone' }));
      expect(await search.getValue()).toBe('anna');
      const paginator = await loader.getHarness(MatPaginatorHarness);
      expect(await paginator.getRangeLabel()).toBe('101 – 101 of 101');
    });

    it('puts a chosen filter in the URL and asks again from the first page', async () => {
      await render(Role.Manager, '/leads?page=2');
      await answerList([anna], 30);

      await (await select('Status')).clickOptions({ text: 'Contacted' });
      await stable();

      expect(queryParams()).toEqual({ status: 'contacted' });
      expect(params(expectList())).toMatchObject({ status: 'contacted', offset: '0' });
    });

    it('searches once typing pauses', async () => {
      await render();
      await answerList();

      const search = await root.getHarness(MatInputHarness.with({ placeholder: 'Name, email or phone' }));
      await search.setValue('Ελένη');
      http.expectNone((req) => req.url === '/v1/leads');
      await new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 50));
      await stable();

      expect(queryParams()).toEqual({ q: 'Ελένη' });
      expect(params(expectList())).toMatchObject({ q: 'Ελένη', offset: '0' });
    });

    it('pages through the URL', async () => {
      await render();
      await answerList([anna, ben], 60);

      await (await loader.getHarness(MatPaginatorHarness)).goToNextPage();
      await stable();
      expect(queryParams()).toEqual({ page: '2' });
      expect(params(expectList())).toMatchObject({ offset: '25', limit: '25' });
    });

    it('reads the next page by the cursor the server gave, and says when the total is an estimate', async () => {
      await render();
      expectList().flush(aLeadPage([anna, ben], 1_250_000, 25, 0, { totalExact: false, nextCursor: 'c2' }));
      await stable();
      const paginator = await loader.getHarness(MatPaginatorHarness);
      expect(await paginator.getRangeLabel()).toBe(`1 – 25 of about ${(1_250_000).toLocaleString()}`);

      await paginator.goToNextPage();
      await stable();
      const next = params(expectList());
      expect(next).toMatchObject({ cursor: 'c2', limit: '25' });
      expect(next).not.toHaveProperty('offset');
    });

    it('sorts by received time, oldest first on request, back on the first page', async () => {
      await render(Role.Manager, '/leads?page=2');
      await answerList([anna, ben], 60);

      await (await (await loader.getHarness(MatSortHarness)).getSortHeaders({ label: 'Received' }))[0].click();
      await stable();

      expect(queryParams()).toEqual({ sort: 'asc' });
      expect(params(expectList())).toMatchObject({ sort: 'receivedAt', offset: '0' });
    });

    it('tells an organisation without leads how to get them', async () => {
      await render();
      await answerList([]);

      expect(text()).toContain('No leads yet');
      expect(await loader.getHarnessOrNull(MatButtonHarness.with({ text: 'Connect Meta' }))).not.toBeNull();
      expect(await loader.getHarnessOrNull(MatTableHarness)).toBeNull();
    });

    it('says when no lead matches the filters, and clears them', async () => {
      await render(Role.Manager, '/leads?status=won&test=1');
      await answerList([]);

      expect(text()).toContain('No leads match these filters');
      expect(text()).not.toContain('No leads yet');

      await (await root.getHarness(MatButtonHarness.with({ text: /Clear filters/ }))).click();
      await stable();
      expect(queryParams()).toEqual({ test: '1' });
      await answerList([anna]);
    });

    it('shows why the list failed, with a retry', async () => {
      await render();
      expectList().flush(anErrorEnvelope(503, 'service_unavailable', 'Database unavailable'), {
        status: 503,
        statusText: 'Service Unavailable',
      });
      await stable();

      expect(text()).toContain('Leads could not be loaded');
      expect(text()).toContain('Database unavailable');
      expect(await root.getAllHarnesses(MatSnackBarHarness)).toHaveLength(0);

      await (await loader.getHarness(MatButtonHarness.with({ text: /Try again/ }))).click();
      await answerList();
      expect(text()).not.toContain('could not be loaded');
    });
  });

  describe('detail drawer', () => {
    const detailed = aLeadDetail({
      status: LeadStatus.Qualified,
      statusChangedAt: '2026-11-21T08:00:00.000Z',
      rawAnswers: [
        { name: 'full_name', values: ['Ελένη Παπαδοπούλου'] },
        { name: 'which_cover', values: ['Haftpflicht', 'Teilkasko', 'Vollkasko'] },
      ],
      answers: [
        { key: 'full_name', label: null, type: null, values: ['Ελένη Παπαδοπούλου'] },
        { key: 'which_cover', label: null, type: null, values: ['Haftpflicht', 'Teilkasko', 'Vollkasko'] },
      ],
      consentResponses: [
        { checkboxKey: 'privacy_policy', isChecked: true },
        { checkboxKey: 'marketing_emails', isChecked: false },
      ],
      consent: {
        agreedAt: '2026-11-20T10:00:00.000Z',
        disclaimerTitle: null,
        disclaimerBody: null,
        checkboxes: [
          { key: 'privacy_policy', text: null, isRequired: null, isChecked: true },
          { key: 'marketing_emails', text: null, isRequired: null, isChecked: false },
        ],
        privacyPolicyUrl: null,
        privacyPolicyLinkText: null,
      },
      duplicateOfId: 'l-0',
      duplicateRule: 'email',
      duplicateState: 'duplicate',
      duplicateLinks: {
        duplicateOf: {
          id: 'l-0',
          fullName: 'Eleni P.',
          receivedAt: '2026-11-19T10:00:00.000Z',
          state: 'duplicate',
          rule: 'email',
          ruleLabel: 'Same email',
        },
        duplicates: [],
        duplicatesTotal: 0,
      },
    });

    it('opens on a row click and shows answers, consent, attribution and the timeline', async () => {
      await render();
      await answerList();

      const [firstRow] = await (await loader.getHarness(MatTableHarness)).getRows();
      await (await firstRow.host()).click();
      await stable();
      expect(queryParams()).toEqual({ lead: 'l-1' });
      http.expectOne('/v1/leads/l-1').flush(detailed);
      await stable();

      const drawer = text();
      expect(drawer).toContain('Ελένη Παπαδοπούλου');
      const chips = await root.getAllHarnesses(MatChipHarness);
      expect(await Promise.all(chips.map((c) => c.getText()))).toEqual(['Haftpflicht', 'Teilkasko', 'Vollkasko']);
      // Question and consent keys read as words; the key itself stays in the title.
      expect(drawer).toContain('Which cover');
      expect(drawer).not.toContain('which_cover');
      expect(drawer).toMatch(/Privacy policy\s*\(checked\)/);
      expect(drawer).toMatch(/Marketing emails\s*\(not checked\)/);
      expect(drawer.replace(/\s+/g, ' ')).toContain('Duplicate of Eleni P., received');
      expect(drawer).toContain('Reason: Same email');
      expect(drawer).toContain('Autumn car campaign (c-1)');
      expect(drawer).toContain('Berlin 25-45 (as-1)');
      expect(drawer).toContain('Carousel A (ad-1)');
      expect(drawer).toContain('Instagram');
      expect(drawer).toContain('Paid');
      expect(drawer).toContain('Received');
      expect(drawer).toContain('Moved to Qualified');
      // The list does not reload for opening a lead.
      http.expectNone((req) => req.url === '/v1/leads');
    });

    it('words the review reason and the date of birth for people, not as keys and ISO dates', async () => {
      await openDrawer({
        ...detailed,
        needsReview: true,
        reviewReason: 'Missing required dateOfBirth, zipCode',
        dateOfBirth: '1990-05-01',
      });

      const drawer = text();
      expect(drawer).toContain('Needs review: Missing required date of birth, ZIP code');
      expect(drawer).toContain(formatCalendarDay('1990-05-01'));
      expect(drawer).not.toContain('1990-05-01');
      expect(drawer.replace(/\s+/g, ' ')).toContain(`since ${formatInstant(detailed.statusChangedAt)}`);
    });

    it('opens the original lead from a duplicate', async () => {
      await openDrawer(detailed);

      (document.querySelector('[data-testid="duplicate-of"] a') as HTMLAnchorElement).click();
      await stable();

      expect(queryParams()).toEqual({ lead: 'l-0' });
      http.expectOne('/v1/leads/l-0').flush(aLeadDetail({ id: 'l-0' }));
    });

    it('offers managers only the moves allowed from the current stage and saves one with a premium', async () => {
      await openDrawer(detailed);

      const moveTo = await select('Move to');
      await moveTo.open();
      const options = await moveTo.getOptions();
      expect(await Promise.all(options.map((o) => o.getText()))).toEqual(['Quoted', 'Won', 'Lost']);
      await moveTo.clickOptions({ text: 'Quoted' });

      const premium = await root.getHarness(MatInputHarness.with({ selector: '[inputmode=decimal]' }));
      await premium.setValue('1249.50');
      await (await root.getHarness(MatButtonHarness.with({ text: 'Change status' }))).click();
      await stable();

      // The drawer shows the move before the server answers.
      expect(text()).toContain('Moved to Quoted');
      const req = http.expectOne({ method: 'PATCH', url: '/v1/leads/l-1/status' });
      expect(req.request.body).toEqual({ status: 'quoted', premiumValue: '1249.50', premiumCurrency: 'EUR' });
      req.flush({ ...detailed, status: LeadStatus.Quoted, premiumValue: '1249.50', premiumCurrency: 'EUR' });
      await stable();

      expect(text()).toContain('€1,249.50');
      const cells = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
      expect(cells['status'].text).toEqual(['Quoted']);
      expect(await (await root.getHarness(MatSnackBarHarness)).getMessage()).toBe('Lead moved to Quoted.');
    });

    it('corrects the premium of a quoted lead without moving it', async () => {
      const quoted = { ...detailed, status: LeadStatus.Quoted, premiumValue: '1249.50', premiumCurrency: 'EUR' };
      await openDrawer(quoted);

      const moveTo = await select('Move to');
      await moveTo.open();
      const options = await moveTo.getOptions();
      expect(await Promise.all(options.map((o) => o.getText()))).toEqual(['Keep quoted, correct premium', 'Won', 'Lost']);
      await moveTo.clickOptions({ text: /Keep quoted/ });

      const premium = await root.getHarness(MatInputHarness.with({ selector: '[inputmode=decimal]' }));
      // Shown and typed the reader's way (en-US here), sent as the API's decimal string.
      expect(await premium.getValue()).toBe('1,249.50');
      await premium.setValue('1,199');
      await (await root.getHarness(MatButtonHarness.with({ text: 'Correct premium' }))).click();
      await stable();

      const req = http.expectOne({ method: 'PATCH', url: '/v1/leads/l-1/status' });
      expect(req.request.body).toEqual({ status: 'quoted', premiumValue: '1199', premiumCurrency: 'EUR' });
      // The stage keeps its time of change while the server answers.
      const oneLine = (value: string) => value.replace(/\s+/g, ' ');
      expect(oneLine(text())).toContain(oneLine(`since ${formatInstant(quoted.statusChangedAt)}`));
      req.flush({ ...quoted, premiumValue: '1199.00' });
      await stable();

      expect(text()).toContain('€1,199.00');
      expect(await (await root.getHarness(MatSnackBarHarness)).getMessage()).toBe('Premium saved.');
    });

    it('lets a won lead have its premium corrected, asking for the premium first', async () => {
      await openDrawer({ ...detailed, status: LeadStatus.Won, premiumValue: null, premiumCurrency: null, premiumUnknown: true });

      expect(text()).toContain('This lead is won; its premium can be corrected.');
      expect(text()).toContain('Not known yet');
      expect(await root.getHarnessOrNull(MatFormFieldHarness.with({ floatingLabelText: 'Move to' }))).toBeNull();
      await (await root.getHarness(MatButtonHarness.with({ text: 'Correct premium' }))).click();
      await stable();
      const dialog = await root.getHarness(MatDialogHarness);
      // Neither answer is preselected: saving without choosing says so and sends nothing.
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Save premium' }))).click();
      await stable();
      http.expectNone({ method: 'PATCH', url: '/v1/leads/l-1/status' });
      expect(await (await dialog.host()).text()).toContain('Choose whether the premium is known.');

      await (await dialog.getHarness(MatRadioButtonHarness.with({ label: 'The annual premium is known' }))).check();
      await (await dialog.getHarness(MatInputHarness.with({ selector: '[inputmode=decimal]' }))).setValue('1,250.50');
      expect(await (await dialog.getHarness(MatInputHarness.with({ selector: '[maxlength="3"]' }))).getValue()).toBe('EUR');
      expect(await (await dialog.host()).text()).toContain("Currency from the ad account of the lead's Page.");
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Save premium' }))).click();
      await stable();
      const req = http.expectOne({ method: 'PATCH', url: '/v1/leads/l-1/status' });
      expect(req.request.body).toEqual({ status: 'won', premiumValue: '1250.50', premiumCurrency: 'EUR' });
      req.flush({ ...detailed, status: LeadStatus.Won, premiumValue: '1250.50', premiumCurrency: 'EUR' });
      await stable();
      expect(text()).toContain('€1,250.50');
    });

    it('marks a lead won only with a premium or an explicit "not known yet"', async () => {
      await openDrawer(detailed);

      await (await select('Move to')).clickOptions({ text: 'Won' });
      await (await root.getHarness(MatButtonHarness.with({ text: 'Change status' }))).click();
      await stable();
      const dialog = await root.getHarness(MatDialogHarness);
      await (await dialog.getHarness(MatRadioButtonHarness.with({ label: 'The annual premium is known' }))).check();
      await (await dialog.getHarness(MatInputHarness.with({ selector: '[inputmode=decimal]' }))).setValue('12.345');
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Mark as won' }))).click();
      await stable();
      http.expectNone({ method: 'PATCH', url: '/v1/leads/l-1/status' });
      expect(await (await dialog.host()).text()).toContain('Use an amount like 1,250.50.');

      await (await dialog.getHarness(MatRadioButtonHarness.with({ label: 'Premium not known yet' }))).check();
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Mark as won' }))).click();
      await stable();
      const req = http.expectOne({ method: 'PATCH', url: '/v1/leads/l-1/status' });
      expect(req.request.body).toEqual({ status: 'won', premiumUnknown: true });
    });

    it('reopens a lost lead with a reason and shows every change in the timeline', async () => {
      const lost = { ...detailed, status: LeadStatus.Lost };
      await openDrawer(lost);

      await (await root.getHarness(MatButtonHarness.with({ text: /Reopen/ }))).click();
      await stable();
      const dialog = await root.getHarness(MatDialogHarness);
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Reopen' }))).click();
      await stable();
      http.expectNone({ method: 'POST', url: '/v1/leads/l-1/reopen' });
      expect(await (await dialog.host()).text()).toContain('Say why the lead is reopened.');

      await (await dialog.getHarness(MatInputHarness.with({ selector: 'textarea' }))).setValue('Customer called back');
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Reopen' }))).click();
      await stable();
      const req = http.expectOne({ method: 'POST', url: '/v1/leads/l-1/reopen' });
      expect(req.request.body).toEqual({ reason: 'Customer called back' });
      const actor = { type: 'user' as const, id: 'u-1', name: 'Mia Manager' };
      const change = { premiumValue: null, premiumCurrency: null, premiumUnknown: false, reason: null, actor };
      req.flush({
        ...detailed,
        status: LeadStatus.Qualified,
        statusHistory: [
          { ...change, id: 'c1', at: '2026-11-20T11:00:00.000Z', kind: 'status', from: LeadStatus.New, to: LeadStatus.Qualified },
          { ...change, id: 'c2', at: '2026-11-20T12:00:00.000Z', kind: 'status', from: LeadStatus.Qualified, to: LeadStatus.Lost },
          {
            ...change,
            id: 'c3',
            at: '2026-11-20T13:00:00.000Z',
            kind: 'reopen',
            from: LeadStatus.Lost,
            to: LeadStatus.Qualified,
            reason: 'Customer called back',
          },
        ],
      });
      await stable();
      const timeline = text().replace(/\s+/g, ' ');
      expect(timeline).toContain('Moved to Qualified by Mia Manager');
      expect(timeline).toContain('Moved to Lost by Mia Manager');
      expect(timeline).toContain('Reopened from lost to qualified by Mia Manager');
      expect(timeline).toContain('Reason: Customer called back');
      expect(await (await root.getHarness(MatSnackBarHarness)).getMessage()).toBe('Lead reopened as Qualified.');
    });

    it("puts the stage back and shows the server's reason when the move is refused", async () => {
      await openDrawer(detailed);

      await (await select('Move to')).clickOptions({ text: 'Lost' });
      await (await root.getHarness(MatButtonHarness.with({ text: 'Change status' }))).click();
      await stable();
      http
        .expectOne({ method: 'PATCH', url: '/v1/leads/l-1/status' })
        .flush(anErrorEnvelope(409, 'conflict', 'The lead moved to won in the meantime'), {
          status: 409,
          statusText: 'Conflict',
        });
      await stable();

      expect(text()).toContain('Moved to Qualified');
      expect(text()).not.toContain('Moved to Lost');
      const cells = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
      expect(cells['status'].text).toEqual(['Qualified']);
      expect(await (await root.getHarness(MatSnackBarHarness)).getMessage()).toBe('The lead moved to won in the meantime');
    });

    it('shows why the lead failed to load, with a retry', async () => {
      await render(Role.Manager, '/leads?lead=l-1');
      await answerList([anna]);
      http.expectOne('/v1/leads/l-1').flush(anErrorEnvelope(404, 'not_found', 'Lead not found'), {
        status: 404,
        statusText: 'Not Found',
      });
      await stable();

      expect(text()).toContain('This lead could not be loaded');
      expect(text()).toContain('Lead not found');
      expect(await root.getAllHarnesses(MatSnackBarHarness)).toHaveLength(0);

      await (await root.getHarness(MatButtonHarness.with({ text: /Try again/ }))).click();
      http.expectOne('/v1/leads/l-1').flush(detailed);
      await stable();
      expect(text()).not.toContain('could not be loaded');
      expect(text()).toContain('Ελένη Παπαδοπούλου');
    });

    it('lets viewers read a lead but not move it, and says why', async () => {
      await openDrawer(detailed, Role.Viewer);

      expect(text()).toContain('Ελένη Παπαδοπούλου');
      expect(text().replace(/\s+/g, ' ')).toContain('Read-only: your role is Viewer. Managers and admins move leads along the pipeline.');
      expect(await (await select('Move to')).isDisabled()).toBe(true);
      expect(await (await root.getHarness(MatButtonHarness.with({ text: 'Change status' }))).isDisabled()).toBe(true);
    });

    it('shows managers no read-only hint', async () => {
      await openDrawer(detailed, Role.Manager);

      expect(text()).not.toContain('Read-only');
      expect(await (await select('Move to')).isDisabled()).toBe(false);
    });
  });

  describe('export', () => {
    it('downloads the CSV of the current filters with the bearer token', async () => {
      await render(Role.Viewer, '/leads?status=won&duplicate=none&page=2');
      await answerList([anna], 40);

      await (await loader.getHarness(MatButtonHarness.with({ text: /Export CSV/ }))).click();
      const req = http.expectOne((r) => r.url === '/v1/leads/export.csv');
      expect(req.request.responseType).toBe('blob');
      expect(req.request.headers.get('Authorization')).toBe('Bearer t');
      expect(params(req)).toEqual({ status: 'won', duplicateState: 'none', sort: '-receivedAt' });
      req.flush(new Blob(['id,email\nl-1,anna@example.com\n'], { type: 'text/csv' }));
      await stable();

      expect(saved).toHaveLength(1);
      expect(saved[0].fileName).toMatch(/^leads-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(saved[0].blob.size).toBeGreaterThan(0);
      expect(saved[0].blob.type).toBe('text/csv');
    });

    it('downloads the XLSX workbook of the current filters', async () => {
      await render(Role.Manager, '/leads?status=won');
      await answerList([anna]);

      await (await loader.getHarness(MatButtonHarness.with({ text: /Export XLSX/ }))).click();
      const req = http.expectOne((r) => r.url === '/v1/leads/export.xlsx');
      expect(params(req)).toEqual({ status: 'won', sort: '-receivedAt' });
      req.flush(new Blob(['PK'], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      await stable();
      expect(saved[0].fileName).toMatch(/^leads-\d{4}-\d{2}-\d{2}\.xlsx$/);
    });

    it('keeps the exports closed to a viewer without the contact details permission, and says why', async () => {
      await render(Role.Viewer, '/leads', false);
      await answerList([anna]);

      for (const name of [/Export XLSX/, /Export CSV/]) {
        expect(await (await loader.getHarness(MatButtonHarness.with({ text: name }))).isDisabled()).toBe(true);
      }
      expect(text()).toContain('Exports carry contact details: an admin can grant you that permission.');
    });

    it("shows the server's reason when the export fails", async () => {
      await render();
      await answerList();

      await (await loader.getHarness(MatButtonHarness.with({ text: /Export CSV/ }))).click();
      http
        .expectOne((r) => r.url === '/v1/leads/export.csv')
        .flush(new Blob([JSON.stringify(anErrorEnvelope(503, 'service_unavailable', 'Export is busy'))]), {
          status: 503,
          statusText: 'Service Unavailable',
        });
      // The error body arrives as a Blob and is read back asynchronously.
      await vi.waitFor(async () => {
        await stable();
        expect(text()).toContain('Export failed: Export is busy');
      });
      expect(saved).toHaveLength(0);
    });
  });

  describe('new leads', () => {
    const newer = (id: string, minutes: number) =>
      aLeadSummary({ id, fullName: `Lead ${id}`, receivedAt: new Date(Date.parse(anna.receivedAt) + minutes * 60_000).toISOString() });

    async function poll(answer?: (req: TestRequest) => void): Promise<void> {
      interval.tick();
      await stable();
      if (answer) {
        answer(expectList());
        await stable();
      }
    }

    function names(): Promise<string[]> {
      return loader
        .getHarness(MatTableHarness)
        .then((t) => t.getCellTextByColumnName())
        .then((cells) => cells['name'].text);
    }

    it('asks for leads since the newest shown, with the same filters, and offers the ones that arrived', async () => {
      await render(Role.Manager, '/leads?status=new');
      await answerList([anna, ben]);

      await poll((req) => {
        expect(params(req)).toEqual({
          status: 'new',
          sort: '-receivedAt',
          limit: '25',
          offset: '0',
          from: anna.receivedAt,
        });
        // The newest shown lead comes back too (the bound is inclusive) and is not counted.
        req.flush(aLeadPage([newer('l-4', 2), newer('l-3', 1), anna], 3));
      });

      expect(text()).toContain('2 new leads');
      await (await loader.getHarness(MatButtonHarness.with({ text: /2 new leads/ }))).click();
      await stable();

      // Shown without reading the list again, on top and highlighted.
      http.expectNone((req) => req.url === '/v1/leads');
      expect(await names()).toEqual(['Lead l-4', 'Lead l-3', 'Anna Schmidt', 'Ben Braun']);
      const fresh = Array.from((harness.routeNativeElement as HTMLElement).querySelectorAll('tr.fresh'));
      expect(fresh).toHaveLength(2);
      expect(text()).not.toContain('new leads');
    });

    it('says nothing when no lead arrived', async () => {
      await render();
      await answerList([anna, ben]);

      await poll((req) => req.flush(aLeadPage([anna], 1)));
      expect(await loader.getHarnessOrNull(MatButtonHarness.with({ text: /new lead/ }))).toBeNull();
    });

    it('reads the list again when more than a page arrived', async () => {
      await render();
      await answerList([anna, ben]);

      await poll((req) => req.flush(aLeadPage([newer('l-5', 3), newer('l-4', 2)], 40)));
      await (await loader.getHarness(MatButtonHarness.with({ text: /40 new leads/ }))).click();
      const reload = expectList();
      expect(params(reload)['from']).toBeUndefined();
      reload.flush(aLeadPage([newer('l-5', 3), anna], 42));
      await stable();
      expect(await names()).toEqual(['Lead l-5', 'Anna Schmidt']);
    });

    it('shows the first lead of an empty list', async () => {
      await render();
      await answerList([]);

      await poll((req) => {
        expect(params(req)['from']).toBeUndefined();
        req.flush(aLeadPage([anna], 1));
      });
      expect(text()).toContain('1 new lead');
    });

    it('does not poll past the first page or in oldest-first order', async () => {
      await render(Role.Manager, '/leads?page=2');
      await answerList([anna], 30);
      await poll();
      http.expectNone((req) => req.url === '/v1/leads');

      await TestBed.inject(Router).navigateByUrl('/leads?sort=asc');
      await answerList([ben, anna]);
      await poll();
      http.expectNone((req) => req.url === '/v1/leads');
    });
  });

  describe('custom lead fields', () => {
    const coverage: LeadFieldDefinitionDto = {
      id: 'lf-1',
      key: 'coverage_wanted',
      label: 'Coverage wanted',
      type: 'multi_choice',
      options: [
        { key: 'liability', label: 'Liability' },
        { key: 'collision', label: 'Collision' },
      ],
      position: 0,
      archived: false,
      inUse: true,
      createdAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-01T10:00:00.000Z',
    };
    const household: LeadFieldDefinitionDto = {
      ...coverage,
      id: 'lf-2',
      key: 'household_size',
      label: 'Household size',
      type: 'number',
      options: [],
    };

    it('filters by a choice field through the URL and the API (field.<key>=option)', async () => {
      leadFields = [coverage, household];
      await render();
      await answerList();

      await (await select('Coverage wanted')).clickOptions({ text: 'Collision' });
      await stable();
      expect(queryParams()).toEqual({ 'field.coverage_wanted': 'collision' });
      expect(params(expectList())).toMatchObject({ 'field.coverage_wanted': 'collision', offset: '0' });
      // Only choice fields get a filter.
      await expect(root.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Household size' }))).rejects.toThrow();
    });

    it('restores a field filter from the URL', async () => {
      leadFields = [coverage];
      await render(Role.Viewer, '/leads?field.coverage_wanted=liability');
      expect(params(expectList())).toMatchObject({ 'field.coverage_wanted': 'liability' });
      expect(await (await select('Coverage wanted')).getValueText()).toBe('Liability');
    });

    const withFields = aLeadDetail({
      customFields: [
        {
          key: 'coverage_wanted',
          label: 'Coverage wanted',
          type: 'multi_choice',
          options: coverage.options,
          value: ['collision'],
          display: 'Collision',
          archived: false,
        },
        { key: 'household_size', label: 'Household size', type: 'number', options: [], value: null, display: null, archived: false },
      ],
    });

    it('shows the fields in the drawer and lets a manager edit them', async () => {
      await openDrawer(withFields);
      expect(text()).toMatch(/Coverage wanted\s*Collision/);
      expect(text()).toMatch(/Household size\s*—/);

      await (await root.getHarness(MatButtonHarness.with({ selector: '[data-testid="edit-custom-fields"]' }))).click();
      await (await root.getHarness(MatInputHarness.with({ selector: '[name="household_size"]' }))).setValue('3');
      await (await root.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();
      const req = http.expectOne({ method: 'PATCH', url: '/v1/leads/l-1/custom-fields' });
      expect(req.request.body).toEqual({ values: { household_size: 3 } });
      req.flush({ ...withFields, customFields: [withFields.customFields[0], { ...withFields.customFields[1], value: 3, display: '3' }] });
      await stable();
      expect(text()).toMatch(/Household size\s*3/);
    });

    it('lets viewers read the fields but not edit them', async () => {
      await openDrawer(withFields, Role.Viewer);
      expect(text()).toContain('Coverage wanted');
      expect(await root.getAllHarnesses(MatButtonHarness.with({ selector: '[data-testid="edit-custom-fields"]' }))).toHaveLength(0);
    });
  });
});
