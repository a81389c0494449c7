import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { MatTabLinkHarness } from '@angular/material/tabs/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuditEntryDto, AuditLogFiltersDto, Page, Role } from '@legeai/contracts';

import { aCurrentUser } from '../../../../testing/factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { signIn } from '../../../../testing/sign-in';
import { formatInstant } from '../../../shared/time/format-time';
import { AuditLogPage } from './audit-log-page';

const ANA = '11111111-1111-4111-8111-111111111111';
const KEY = '22222222-2222-4222-8222-222222222222';

function anEntry(over: Partial<AuditEntryDto> = {}): AuditEntryDto {
  return {
    id: 'a-1',
    at: '2026-11-28T12:00:00.000Z',
    category: 'change',
    actorType: 'user',
    actorId: ANA,
    actorName: 'Ana Admin',
    actorDetail: 'ana@example.com',
    action: 'user.updated',
    targetType: 'user',
    targetId: 'u-2',
    details: { email: 'bo@example.com' },
    before: { role: 'viewer', canExportContacts: false },
    after: { role: 'manager', canExportContacts: true },
    correlationId: 'req-0001-abcd',
    ...over,
  };
}

const page = (items: AuditEntryDto[], total = items.length, limit = 25, offset = 0): Page<AuditEntryDto> => ({
  items,
  total,
  limit,
  offset,
});

const OPTIONS: AuditLogFiltersDto = {
  actors: [
    { type: 'user', id: ANA, name: 'Ana Admin', detail: 'ana@example.com' },
    { type: 'api_key', id: KEY, name: 'CRM export', detail: 'lg_abc' },
    { type: 'system', id: null, name: 'System', detail: null },
  ],
  actions: [
    { action: 'auth.login', category: 'sign_in' },
    { action: 'lead.status_changed', category: 'change' },
    { action: 'user.updated', category: 'change' },
  ],
  targetTypes: ['lead', 'user'],
};

describe('AuditLogPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let root: HarnessLoader;

  async function render(url = '/audit-log'): Promise<void> {
    TestBed.configureTestingModule({
      providers: [...provideTestConsole(), provideRouter([{ path: 'audit-log', component: AuditLogPage }])],
    });
    http = TestBed.inject(HttpTestingController);
    await signIn(aCurrentUser({ role: Role.Admin }));
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, AuditLogPage);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    http.expectOne('/v1/audit-log/filters').flush(OPTIONS);
  }

  afterEach(() => http.verify());

  const stable = () => harness.fixture.whenStable();
  const text = () => harness.routeNativeElement?.textContent ?? '';
  const listRequest = (): TestRequest => http.expectOne((req) => req.method === 'GET' && req.url === '/v1/audit-log');
  const params = (req: TestRequest) => Object.fromEntries(req.request.params.keys().map((k) => [k, req.request.params.get(k)]));
  const queryParams = () => TestBed.inject(Router).parseUrl(TestBed.inject(Router).url).queryParams;

  async function select(label: string): Promise<MatSelectHarness> {
    const field = await root.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    return (await field.getControl(MatSelectHarness))!;
  }

  it('opens on changes, showing who by name, what in words and when in the reader’s locale', async () => {
    await render();
    const req = listRequest();
    expect(params(req)).toEqual({ limit: '25', offset: '0', category: 'change' });
    req.flush(
      page(
        [
          anEntry(),
          anEntry({
            id: 'a-2',
            actorType: 'system',
            actorId: null,
            actorName: 'System',
            actorDetail: null,
            action: 'meta.reauth_required',
          }),
        ],
        30,
      ),
    );
    await stable();

    const columns = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    const names = harness.routeNativeElement!.querySelectorAll('[data-testid="audit-actor"]');
    expect(Array.from(names).map((el) => el.textContent?.trim())).toEqual(['Ana Admin', 'System']);
    expect(columns['actor'].text[0]).toContain('ana@example.com');
    expect(columns['action'].text).toEqual(['User changed', 'Meta refused the token: reconnect needed']);
    expect(columns['at'].text[0]).toBe(formatInstant('2026-11-28T12:00:00.000Z', 'dateTimeSeconds'));
    expect(text()).not.toContain('2026-11-28T12');
    expect(text()).not.toContain('user.updated');
    expect(await (await loader.getHarness(MatTabLinkHarness.with({ label: 'Changes' }))).isActive()).toBe(true);
    expect(await (await loader.getHarness(MatPaginatorHarness)).getRangeLabel()).toBe('1 – 25 of 30');
  });

  it('opens a row to its before → after, with capitalised roles, yes/no and the request id', async () => {
    await render();
    listRequest().flush(page([anEntry()]));
    await stable();

    (harness.routeNativeElement!.querySelector('[data-testid="audit-open"]') as HTMLButtonElement).click();
    await stable();
    const changes = Array.from(harness.routeNativeElement!.querySelectorAll('[data-testid="audit-change"]')).map((el) =>
      [el.querySelector('dt'), el.querySelector('.before'), el.querySelector('.after')]
        .map((part) => part?.textContent?.trim())
        .join(' | '),
    );
    expect(changes).toEqual(['Role | Viewer | Manager', 'Can see contact details | No | Yes']);
    expect(harness.routeNativeElement!.querySelector('[data-testid="audit-correlation"]')?.textContent).toBe('req-0001-abcd');
    expect(text()).toContain('Email: bo@example.com');
  });

  it('finds everything one request recorded from an entry', async () => {
    await render();
    listRequest().flush(page([anEntry()]));
    await stable();
    (harness.routeNativeElement!.querySelector('[data-testid="audit-open"]') as HTMLButtonElement).click();
    await stable();

    const button = Array.from(harness.routeNativeElement!.querySelectorAll('button')).find((b) =>
      b.textContent?.includes('Everything from this request'),
    )!;
    button.click();
    await stable();
    expect(queryParams()).toEqual({ category: 'all', request: 'req-0001-abcd' });
    expect(params(listRequest())).toEqual({ limit: '25', offset: '0', correlationId: 'req-0001-abcd' });
  });

  it('filters by actor from the names in the log, and keeps the filter in the URL', async () => {
    await render();
    listRequest().flush(page([anEntry()], 1));
    await stable();

    const who = await select('Who');
    await who.open();
    expect((await who.getOptions()).length).toBe(4);
    await who.clickOptions({ text: /CRM export/ });
    await stable();

    expect(queryParams()).toEqual({ actor: `api_key:${KEY}` });
    const req = listRequest();
    expect(params(req)).toEqual({ limit: '25', offset: '0', category: 'change', actorType: 'api_key', actorId: KEY });
    req.flush(page([], 0));
    await stable();
    expect(text()).toContain('No entries match');
  });

  it('restores a shared view from the URL: tab, actor, action, dates and page', async () => {
    await render(`/audit-log?category=sign_in&actor=user:${ANA}&action=auth.login&from=2026-11-01&to=2026-11-30&page=2`);
    const req = listRequest();
    expect(params(req)).toMatchObject({
      limit: '25',
      offset: '25',
      category: 'sign_in',
      actorType: 'user',
      actorId: ANA,
      action: 'auth.login',
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 10, 30, 23, 59, 59, 999).toISOString(),
    });
    req.flush(page([anEntry({ action: 'auth.login', category: 'sign_in', before: null, after: null })], 30, 25, 25));
    await stable();

    expect(await (await loader.getHarness(MatTabLinkHarness.with({ label: 'Sign-ins' }))).isActive()).toBe(true);
    expect(await (await select('Who')).getValueText()).toBe('Ana Admin ana@example.com');
    expect(await (await select('What')).getValueText()).toBe('Signed in');
  });

  it('drops malformed values of a hand-edited URL instead of sending them', async () => {
    await render('/audit-log?category=bogus&actor=user:nope&action=DROP%20TABLE&from=yesterday&size=7');
    expect(params(listRequest())).toEqual({ limit: '25', offset: '0', category: 'change' });
  });

  it('moves between tabs, offering only the actions of the tab', async () => {
    await render();
    listRequest().flush(page([anEntry()]));
    await stable();

    const what = await select('What');
    await what.open();
    expect(await Promise.all((await what.getOptions()).map((o) => o.getText()))).toEqual([
      'Any action',
      'Lead status changed',
      'User changed',
    ]);
    await what.close();

    await (await loader.getHarness(MatTabLinkHarness.with({ label: 'Sign-ins' }))).click();
    await stable();
    expect(queryParams()).toEqual({ category: 'sign_in' });
    expect(params(listRequest())).toEqual({ limit: '25', offset: '0', category: 'sign_in' });
  });

  it('says when nothing was recorded, and shows an error with a retry', async () => {
    await render();
    listRequest().flush(null, { status: 500, statusText: 'Server Error' });
    await stable();
    expect(text()).toContain('The audit log could not be loaded');

    (harness.routeNativeElement!.querySelector('lg-error-state button') as HTMLButtonElement).click();
    listRequest().flush(page([], 0));
    await stable();
    expect(text()).toContain('Nothing recorded yet');
  });
});
