import type { CatalogProduct } from '../entities/catalog-product.entity';
import { contentHash, feedData, feedPrice } from '../products/product-feed';
import { readinessIssues } from '../products/product-readiness';
import { chunk, guardDeletes, planSync } from './catalog-diff';

function product(retailerId: string, change: Partial<CatalogProduct> = {}): CatalogProduct {
  const p = {
    id: `id-${retailerId}`,
    retailerId,
    name: `Policy ${retailerId}`,
    description: 'A policy',
    brand: 'Harbor Point',
    lineOfBusiness: 'auto',
    priceMinor: 1999,
    currency: 'USD',
    landingUrl: 'https://example.com/p',
    imageUrl: 'https://example.com/p.jpg',
    availability: 'in stock',
    customLabels: ['TX', null, null, null, null],
    sentHash: null,
    syncedHash: null,
    deletedAt: null,
    ...change,
  } as CatalogProduct;
  p.contentHash = contentHash(p);
  return p;
}
const synced = (p: CatalogProduct): CatalogProduct => ({ ...p, sentHash: p.contentHash, syncedHash: p.contentHash }) as CatalogProduct;

describe('feed data and content hash', () => {
  it('uses items_batch feed field names and the "19.99 USD" price format', () => {
    expect(feedPrice(1999, 'USD')).toBe('19.99 USD');
    expect(feedPrice(5, 'EUR')).toBe('0.05 EUR');
    expect(feedData(product('A-1'))).toMatchObject({
      id: 'A-1',
      title: 'Policy A-1',
      price: '19.99 USD',
      link: 'https://example.com/p',
      image_link: 'https://example.com/p.jpg',
      condition: 'new',
      product_type: 'Insurance > Auto',
      custom_label_0: 'TX',
      custom_label_1: '',
    });
  });

  it('changes with anything sent and only with that', () => {
    const base = product('A-1');
    expect(contentHash(product('A-1'))).toBe(base.contentHash);
    expect(product('A-1', { priceMinor: 2000 }).contentHash).not.toBe(base.contentHash);
    expect(product('A-1', { customLabels: ['TX', 'x', null, null, null] }).contentHash).not.toBe(base.contentHash);
    expect(product('A-1', { id: 'other', syncState: 'error' } as Partial<CatalogProduct>).contentHash).toBe(base.contentHash);
  });
});

describe('readinessIssues', () => {
  it('is empty for a complete product', () => expect(readinessIssues(product('A-1'))).toEqual([]));

  it('names the missing image, a non-https or relative URL, the price and the description', () => {
    const issues = readinessIssues(product('A-1', { imageUrl: null, landingUrl: 'http://example.com', priceMinor: 0, description: ' ' }));
    expect(issues.map((i) => i.field)).toEqual(['description', 'imageUrl', 'landingUrl', 'priceMinor']);
    expect(readinessIssues(product('A-1', { imageUrl: '/img/a.jpg' }))[0].message).toMatch(/absolute https/);
    expect(readinessIssues(product('A-1', { description: 'x'.repeat(10_000) }))[0].message).toMatch(/9999/);
  });
});

describe('planSync', () => {
  it('creates the never sent, updates the changed, deletes the deleted it sent, and sends nothing unchanged', () => {
    const unchanged = synced(product('SAME'));
    const changed = { ...synced(product('CHG')), priceMinor: 2500 } as CatalogProduct;
    changed.contentHash = contentHash(changed);
    const plan = planSync([
      product('NEW'),
      unchanged,
      changed,
      { ...synced(product('GONE')), deletedAt: new Date() } as CatalogProduct,
      { ...product('NEVER'), deletedAt: new Date() } as CatalogProduct,
      product('DRAFT', { imageUrl: null }),
    ]);
    expect(plan.requests.map((r) => [r.request.method, r.request.data['id']])).toEqual([
      ['CREATE', 'NEW'],
      ['UPDATE', 'CHG'],
      ['DELETE', 'GONE'],
    ]);
    expect(plan.requests[2].request.data).toEqual({ id: 'GONE' });
    expect(plan.notReady.map((n) => n.product.retailerId)).toEqual(['DRAFT']);
    expect(plan.forgotten.map((p) => p.retailerId)).toEqual(['NEVER']);
    expect(plan.live).toBe(4);
    expect(planSync([unchanged, synced(product('B'))]).requests).toEqual([]);
  });

  it('does not resend an item Meta refused until it changes', () => {
    const refused = { ...product('ERR'), sentHash: product('ERR').contentHash, syncedHash: null } as CatalogProduct;
    expect(planSync([refused]).requests).toEqual([]);
  });
});

describe('guardDeletes', () => {
  const live = Array.from({ length: 8 }, (_, i) => synced(product(`L${i}`)));
  const gone = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ ...synced(product(`D${i}`)), deletedAt: new Date() }) as CatalogProduct);

  it('lets deletes up to the share through and holds above it', () => {
    expect(guardDeletes(planSync([...live, ...gone(2)]), 10, 0.2, null)).toEqual({ hold: false });
    const held = guardDeletes(planSync([...live, ...gone(3)]), 11, 0.2, null);
    expect(held).toMatchObject({ hold: true, retailerIds: ['D0', 'D1', 'D2'] });
  });

  it('holds any delete from an empty source', () => {
    expect(guardDeletes(planSync(gone(1)), 100, 0.2, null)).toMatchObject({ hold: true, reason: expect.stringMatching(/empty/) });
  });

  it('passes the confirmed deletes and holds again on others', () => {
    const plan = planSync([...live, ...gone(3)]);
    expect(guardDeletes(plan, 11, 0.2, ['D0', 'D1', 'D2'])).toEqual({ hold: false });
    expect(guardDeletes(plan, 11, 0.2, ['D0', 'D1'])).toMatchObject({ hold: true });
  });
});

describe('chunk', () => {
  it('splits at the maximum', () => {
    expect(
      chunk(
        Array.from({ length: 12_000 }, (_, i) => i),
        5000,
      ).map((c) => c.length),
    ).toEqual([5000, 5000, 2000]);
  });
});
