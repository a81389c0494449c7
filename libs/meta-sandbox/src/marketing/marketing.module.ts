import type { SandboxModule } from '../core/sandbox-module';
import { marketing } from './marketing-state';
import { registerCampaigns } from './campaigns/campaign.node';
import { registerAdSets } from './adsets/adset.node';
import { registerAds } from './ads/ad.node';
import { registerCreatives } from './ads/creative.node';
import { registerAdImages, imageRoutes } from './images/ad-images.edges';
import { registerPreviews, previewRoutes } from './previews/previews.edges';
import { registerAccountExtras } from './account-extras';
import { registerInsights } from './insights/insights.edges';
import { registerCatalogs } from './catalogs/catalogs.register';
import { registerConversions } from './conversions/conversions.register';
import { seedDemoCampaigns } from './seed/demo-campaigns';
import { seedDemoCatalogs } from './catalogs/catalog-seed';
import { seedDemoDatasets } from './conversions/dataset-seed';
import { attributeLeadsToLiveAds } from './lead-attribution';
import { marketingControl } from './marketing.control';

/**
 * Marketing API: campaigns, ad sets, ads, creatives, ad images and previews, sync and async insights, catalogs
 * with `items_batch`, and the Conversions API. Objects live in `world.ext('marketing…')`; the demo agency's
 * campaigns come from the demo plan the demo leads were attributed with (`world/demo-ad-plan.ts`).
 */
export const marketingModule: SandboxModule = {
  name: 'marketing',
  register(registry) {
    registerAccountExtras(registry);
    registerCampaigns(registry);
    registerAdSets(registry);
    registerCreatives(registry);
    registerAds(registry);
    registerAdImages(registry);
    registerPreviews(registry);
    registerInsights(registry);
    registerCatalogs(registry);
    registerConversions(registry);
  },
  seed(world) {
    marketing(world);
    seedDemoCampaigns(world);
    attributeLeadsToLiveAds(world);
    seedDemoCatalogs(world);
    seedDemoDatasets(world);
  },
  routes(router, runtime) {
    imageRoutes(router, runtime);
    previewRoutes(router, runtime);
  },
  control: marketingControl,
};
