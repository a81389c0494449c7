import type { World } from '../../world/world';
import type { ProductRecord } from './catalog-state';
import { DEMO_IDS } from '../../world/demo-ids';
import { addCatalog, addProduct } from './catalog-state';

/** The demo agency's policy catalog; a fixed id so docs and demos can name it. */
export const DEMO_CATALOG_ID = '1890400000000101';
/** A catalog a client (a credit union whose members Harbor Point insures) shared with the agency. */
export const DEMO_CLIENT_CATALOG_ID = '1890400000000202';
const CLIENT_BUSINESS_ID = '872044519938802';

const SITE = 'https://harborpoint-insurance.example';

/**
 * Items someone made in Commerce Manager before any sync: a sync finds them, must leave them alone unless it owns
 * their retailer ids, and two of them carry problems the catalog's diagnostics report (no image; a shouting title).
 */
const MADE_ELSEWHERE: Partial<ProductRecord>[] = [
  { retailerId: 'HP-AUTO-STD', name: 'Auto insurance – Standard', priceMinor: 8900, customLabels: ['auto', 'monthly'] },
  { retailerId: 'HP-HOME-PLUS', name: 'Homeowners insurance – Plus', priceMinor: 12400, customLabels: ['home', 'monthly'] },
  { retailerId: 'HP-LIFE-TERM20', name: 'Term life – 20 years', priceMinor: 3100, customLabels: ['life', 'monthly'] },
  { retailerId: 'HP-HEALTH-SILVER', name: 'Health plan – Silver', priceMinor: 41500, customLabels: ['health', 'monthly'] },
  {
    retailerId: 'HP-UMBRELLA-1M',
    name: 'Umbrella liability – $1M',
    priceMinor: 2900,
    customLabels: ['umbrella', 'monthly'],
    imageUrl: undefined,
  },
  {
    retailerId: 'HP-RENTERS-PROMO',
    name: 'RENTERS INSURANCE SPECIAL',
    priceMinor: 1500,
    customLabels: ['renters', 'monthly'],
    availability: 'out of stock',
  },
];

function seedItem(world: World, catalogId: string, i: number, item: Partial<ProductRecord>, created: number): void {
  const retailerId = item.retailerId!;
  const slug = retailerId.toLowerCase();
  const id = String(3_460_400_000_000_101n + BigInt(catalogId === DEMO_CATALOG_ID ? i : 100 + i));
  addProduct(world, {
    id,
    catalogId,
    retailerId,
    name: item.name!,
    description: `${item.name} from Harbor Point Insurance. Monthly premium from the listed price.`,
    availability: item.availability ?? 'in stock',
    condition: 'new',
    priceMinor: item.priceMinor!,
    currency: 'USD',
    url: `${SITE}/policies/${slug}`,
    imageUrl: 'imageUrl' in item ? item.imageUrl : `${SITE}/img/${slug}.jpg`,
    brand: 'Harbor Point',
    customLabels: item.customLabels ?? [],
    productType: 'Insurance > Policies',
    origin: 'elsewhere',
    createdTime: created,
    updatedTime: created,
  });
}

export function seedDemoCatalogs(world: World): void {
  if (!world.businesses.has(DEMO_IDS.businessId)) return;
  const created = world.clock.now() - 200 * 86_400_000;
  addCatalog(world, {
    id: DEMO_CATALOG_ID,
    businessId: DEMO_IDS.businessId,
    sharedWithBusinessIds: [],
    name: 'Harbor Point – Policies',
    vertical: 'commerce',
    createdTime: created,
  });
  MADE_ELSEWHERE.forEach((item, i) => seedItem(world, DEMO_CATALOG_ID, i, item, created));
  addCatalog(world, {
    id: DEMO_CLIENT_CATALOG_ID,
    businessId: CLIENT_BUSINESS_ID,
    ownerName: 'Bayside Members Credit Union',
    sharedWithBusinessIds: [DEMO_IDS.businessId],
    name: 'Bayside CU – Member insurance offers',
    vertical: 'commerce',
    createdTime: created,
  });
  seedItem(
    world,
    DEMO_CLIENT_CATALOG_ID,
    0,
    { retailerId: 'BCU-AUTO-MEMBER', name: 'Member auto insurance', priceMinor: 7900, customLabels: ['auto', 'partner'] },
    created,
  );
}
