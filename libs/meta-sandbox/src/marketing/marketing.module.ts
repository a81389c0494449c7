import type { SandboxModule } from '../core/sandbox-module';
import { marketing } from './marketing-state';
import { registerCampaigns } from './campaigns/campaign.node';
import { registerAdSets } from './adsets/adset.node';
import { registerAds } from './ads/ad.node';
import { registerCreatives } from './ads/creative.node';
import { registerInsights } from './insights/insights.edges';
import { registerCatalogs } from './catalogs/catalogs.register';
import { registerConversions } from './conversions/conversions.register';
import { seedDemoCampaigns } from './seed/demo-campaigns';
import { seedDemoCatalogs } from './catalogs/catalog-seed';
import { seedDemoDatasets } from './conversions/dataset-seed';
import { marketingControl } from './marketing.control';

/**
 * Marketing API: campaigns, ad sets, ads, creatives, sync and async insights, catalogs with `items_batch`, and the
 * Conversions API. Objects live in `world.ext('marketing…')`; the demo agency's campaigns use the ids the demo
 * leads point at (`DEMO_AD_REFS`).
 */
export const marketingModule: SandboxModule = {
  name: 'marketing',
  register(registry) {
    registerCampaigns(registry);
    registerAdSets(registry);
    registerCreatives(registry);
    registerAds(registry);
    registerInsights(registry);
    registerCatalogs(registry);
    registerConversions(registry);
  },
  seed(world) {
    marketing(world);
    seedDemoCampaigns(world);
    seedDemoCatalogs(world);
    seedDemoDatasets(world);
  },
  control: marketingControl,
};
