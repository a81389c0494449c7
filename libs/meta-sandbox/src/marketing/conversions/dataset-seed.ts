import type { World } from '../../world/world';
import { DEMO_IDS } from '../../world/demo-ids';
import { addDataset } from './dataset-state';

/** The demo agency's dataset for CRM conversion events; a fixed id so docs and demos can name it. */
export const DEMO_DATASET_ID = '1530770000000101';

export function seedDemoDatasets(world: World): void {
  if (!world.businesses.has(DEMO_IDS.businessId)) return;
  addDataset(world, {
    id: DEMO_DATASET_ID,
    name: 'Harbor Point CRM',
    businessId: DEMO_IDS.businessId,
    adAccountIds: Object.values(DEMO_IDS.adAccounts),
    createdTime: world.clock.now() - 150 * 86_400_000,
  });
}
