import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { AuditEntryDto, Page } from '@legeai/contracts';

import { provideTestConsole } from '../../../../testing/provide-test-console';
import { formatInstant } from '../../../shared/time/format-time';
import { AuditLogPage } from './audit-log-page';

/** Actions the entries cycle through, and how the page words them. */
const ACTIONS = ['auth.login', 'user.created', 'user.updated', 'api_key.created', 'api_key.revoked'];
const ACTION_WORDS = ['Signed in', 'User added', 'User changed', 'API key created', 'API key revoked'];

function anEntry(i: number): AuditEntryDto {
  return {
    id: `a-${i}`,
    at: '2026-11-28T12:00:00.000Z',
    actorType: 'user',
    actorId: 'u-1',
    action: ACTIONS[i % ACTIONS.length],
    targetType: 'user',
    targetId: 'u-2',
    details: i === 0 ? { role: 'manager', active: false } : {},
  };
}

function aPage(offset: number, limit: number, total: number): Page<AuditEntryDto> {
  const count = Math.max(0, Math.min(limit, total - offset));
  return { items: Array.from({ length: count }, (_, i) => anEntry(offset + i)), total, limit, offset };
}

describe('AuditLogPage', () => {
  let fixture: ComponentFixture<AuditLogPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [AuditLogPage], providers: provideTestConsole() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AuditLogPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
  });

  afterEach(() => http.verify());

  it('loads the first page and shows each entry with its details on one line', async () => {
    http.expectOne('/v1/audit-log?limit=25&offset=0').flush(aPage(0, 25, 30));
    await fixture.whenStable();

    const columns = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(columns['action'].text).toHaveLength(25);
    expect(columns['action'].text.slice(0, 5)).toEqual(ACTION_WORDS);
    expect(columns['actor'].text[0]).toMatch(/^User\s*u-1$/);
    expect(columns['details'].text[0]).toBe('Role: manager · Active: no');
    expect(columns['at'].text[0]).toBe(formatInstant('2026-11-28T12:00:00.000Z'));
    // The code stays at hand for whoever searches the logs for it.
    const action = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="audit-action"]');
    expect(action?.getAttribute('title')).toBe('auth.login');
    expect(await (await loader.getHarness(MatPaginatorHarness)).getRangeLabel()).toBe('1 – 25 of 30');
  });

  it('asks the server for the next page', async () => {
    http.expectOne('/v1/audit-log?limit=25&offset=0').flush(aPage(0, 25, 30));
    await fixture.whenStable();

    await (await loader.getHarness(MatPaginatorHarness)).goToNextPage();
    http.expectOne('/v1/audit-log?limit=25&offset=25').flush(aPage(25, 25, 30));
    await fixture.whenStable();

    const columns = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(columns['action'].text).toEqual(ACTION_WORDS);
  });

  it('shows an empty state when nothing was recorded', async () => {
    http.expectOne('/v1/audit-log?limit=25&offset=0').flush(aPage(0, 25, 0));
    await fixture.whenStable();

    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Nothing recorded yet');
    expect(await loader.getHarnessOrNull(MatTableHarness)).toBeNull();
  });

  it('shows an error state with a retry', async () => {
    http.expectOne('/v1/audit-log?limit=25&offset=0').flush(null, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('The audit log could not be loaded');

    ((fixture.nativeElement as HTMLElement).querySelector('lg-error-state button') as HTMLButtonElement).click();
    http.expectOne('/v1/audit-log?limit=25&offset=0').flush(aPage(0, 25, 1));
    await fixture.whenStable();
    expect(await loader.getHarnessOrNull(MatTableHarness)).not.toBeNull();
  });
});
