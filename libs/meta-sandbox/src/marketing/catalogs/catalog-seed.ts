import type { World } from '../../world/world';
import { DEMO_IDS } from '../../world/demo-ids';
import { catalogs } from './catalog-state';

/** The demo agency's policy catalog; a fixed id so docs and demos can name it. */
export const DEMO_CATALOG_ID = '1890400000000101';

const POLICIES = [
  { retailerId: 'HP-AUTO-STD', name: 'Auto insurance – Standard', priceMinor: 8900 },
  { retailerId: 'HP-HOME-PLUS', name: 'Homeowners insurance – Plus', priceMinor: 12400 },
  { retailerId: 'HP-LIFE-TERM20', name: 'Term life – 20 years', priceMinor: 3100 },
  { retailerId: 'HP-HEALTH-SILVER', name: 'Health plan – Silver', priceMinor: 41500 },
];

export function seedDemoCatalogs(world: World): void {
  if (!world.businesses.has(DEMO_IDS.businessId)) return;
  const state = catalogs(world);
  const created = world.clock.now() - 200 * 86_400_000;
  state.catalogs.set(DEMO_CATALOG_ID, { id: DEMO_CATALOG_ID, businessId: DEMO_IDS.businessId, name: 'Harbor Point – Policies', vertical: 'generic', createdTime: created });
  world.register(DEMO_CATALOG_ID, 'ProductCatalog');
  POLICIES.forEach((policy, i) => {
    const id = String(3_460_400_000_000_101n + BigInt(i));
    state.products.set(id, {
      id,
      catalogId: DEMO_CATALOG_ID,
      retailerId: policy.retailerId,
      name: policy.name,
      description: `${policy.name} from Harbor Point Insurance. Monthly premium from the listed price.`,
      availability: 'in stock',
      condition: 'new',
      priceMinor: policy.priceMinor,
      currency: 'USD',
      url: `https://harborpoint-insurance.example/policies/${policy.retailerId.toLowerCase()}`,
      imageUrl: `https://harborpoint-insurance.example/img/${policy.retailerId.toLowerCase()}.jpg`,
      brand: 'Harbor Point',
      createdTime: created,
      updatedTime: created,
    });
    world.register(id, 'ProductItem');
  });
}
