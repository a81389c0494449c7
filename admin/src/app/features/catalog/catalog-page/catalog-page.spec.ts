import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { CatalogLinkDto, CatalogProductDto, CatalogSyncDto, Page, Role } from '@legeai/contracts';

import { aCurrentUser, anErrorEnvelope } from '../../../../testing/factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { signIn } from '../../../../testing/sign-in';
import { CatalogPage } from './catalog-page';

const page = <T>(items: T[]): Page<T> => ({ items, total: items.length, limit: 200, offset: 0 });

function aProduct(overrides: Partial<CatalogProductDto> = {}): CatalogProductDto {
  return {
    id: 'p-1',
    retailerId: 'AUTO-1',
    name: 'Auto standard',
    description: 'Auto cover',
    brand: 'Harbor Point',
    lineOfBusiness: 'auto',
    priceMinor: 1999,
    currency: 'USD',
    landingUrl: 'https://example.com/a',
    imageUrl: 'https://example.com/a.jpg',
    availability: 'in stock',
    customLabels: ['TX', null, null, null, null],
    syncState: 'synced',
    readiness: [],
    syncErrors: [],
    syncWarnings: [],
    syncedAt: '2026-12-05T10:00:00Z',
    updatedAt: '2026-12-05T10:00:00Z',
    ...overrides,
  };
}

function aSync(overrides: Partial<CatalogSyncDto> = {}): CatalogSyncDto {
  return {
    id: 's-1',
    catalogId: '1890400000000101',
    trigger: 'on_demand',
    state: 'succeeded',
    creates: 2,
    updates: 1,
    deletes: 0,
    skipped: 0,
    itemErrors: 0,
    itemWarnings: 0,
    writeRequests: 1,
    statusPolls: 2,
    batchesTotal: 1,
    batchesDone: 1,
    pendingDeletes: null,
    error: null,
    queuedAt: '2026-12-05T10:00:00Z',
    startedAt: '2026-12-05T10:00:01Z',
    finishedAt: '2026-12-05T10:00:09Z',
    ...overrides,
  };
}

const link: CatalogLinkDto = {
  catalogId: '1890400000000101',
  catalogName: 'Harbor Point policies',
  businessId: '1',
  linkedAt: '2026-12-01T10:00:00Z',
  productCount: 12,
  diagnostics: [],
  graphError: null,
};

describe('CatalogPage', () => {
  let fixture: ComponentFixture<CatalogPage>;
  let http: HttpTestingController;

  async function render(role: Role): Promise<void> {
    TestBed.configureTestingModule({ imports: [CatalogPage], providers: provideTestConsole() });
    http = TestBed.inject(HttpTestingController);
    await signIn(aCurrentUser({ role }));
    fixture = TestBed.createComponent(CatalogPage);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const text = () => ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ');
  const answer = (url: string, body: object, status = 200) =>
    http.expectOne((req) => req.url === url).flush(body, status === 200 ? undefined : { status, statusText: 'Error' });

  it("shows viewers the products with their state and Meta's message, read-only", async () => {
    await render(Role.Viewer);
    answer(
      '/v1/catalog/products',
      page([
        aProduct(),
        aProduct({
          id: 'p-2',
          retailerId: 'LIFE-1',
          name: 'Term life',
          syncState: 'error',
          syncErrors: [{ source: 'meta', message: 'Invalid price' }],
        }),
      ]),
    );
    answer('/v1/catalog/link', link);
    answer('/v1/catalog/syncs', page([aSync()]));
    await fixture.whenStable();
    expect(text()).toContain('Read-only: your role is Viewer.');
    expect(text()).toContain('Harbor Point policies');
    expect(text()).toContain('12 items in the catalog');
    expect(text()).toContain('Synced');
    expect(text()).toContain('Not in the catalog');
    expect(text()).toContain('Invalid price');
    expect(text()).toContain('2 added, 1 changed, 0 removed');
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="sync-now"]')).toBeNull();
  });

  it('offers admins the catalogs to link when none is linked yet, and says when products fail to load', async () => {
    await render(Role.Admin);
    answer('/v1/catalog/products', anErrorEnvelope(500, 'internal_error', 'Unexpected error'), 500);
    answer('/v1/catalog/link', anErrorEnvelope(404, 'not_found', 'No catalog is linked'), 404);
    answer('/v1/catalog/syncs', page([]));
    answer('/v1/catalog/catalogs', [
      { id: '77', name: 'Policies', businessId: '1', businessName: 'Harbor', vertical: 'commerce', productCount: 3 },
    ]);
    await fixture.whenStable();
    expect(text()).toContain('No Meta catalog linked yet');
    expect(text()).toContain('Products could not be loaded');
    expect(text()).toContain('No syncs yet');
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="catalog-picker"]')).not.toBeNull();
  });

  it('shows admins a held sync with what it would delete, and confirms it', async () => {
    await render(Role.Admin);
    answer('/v1/catalog/products', page([aProduct()]));
    answer('/v1/catalog/link', link);
    const held = aSync({
      state: 'awaiting_confirmation',
      pendingDeletes: ['RENT-1', 'RENT-2'],
      error: 'The sync would delete 2 of 8 items',
    });
    answer('/v1/catalog/syncs', page([held]));
    await fixture.whenStable();
    expect(text()).toContain('it would delete 2 items');
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="review-deletes"]')!.click();
    await fixture.whenStable();
    const dialog = document.querySelector('mat-dialog-container')!;
    expect(dialog.querySelector('[data-testid="pending-deletes"]')!.textContent).toMatch(/RENT-1\s*RENT-2/);
    Array.from(dialog.querySelectorAll('button'))
      .find((b) => b.textContent?.includes('Delete them'))!
      .click();
    await fixture.whenStable();
    const confirm = http.expectOne('/v1/catalog/syncs/s-1/confirm');
    expect(confirm.request.method).toBe('POST');
    confirm.flush({ ...held, state: 'queued', pendingDeletes: null });
    answer('/v1/catalog/syncs', page([aSync({ state: 'queued' })]));
    await fixture.whenStable();
    expect(text()).toContain('Syncing: Queued');
    fixture.destroy();
  });
});
