import type { SandboxModule } from '../core/sandbox-module';

/**
 * Marketing API: campaigns, ad sets, ads, creatives, insights, catalogs and the Conversions API.
 *
 * Not built yet. See EXTENDING.md: attach edges to the `AdAccount` node type (`registry.edge('AdAccount',
 * 'campaigns', …)`), keep objects in `world.ext('marketing', …)`, seed them in `seed()` from
 * `world.rng.stream('marketing')`, and create the demo campaigns/ad sets/ads with the ids in `DEMO_AD_REFS` so
 * leads' `ad_id`/`campaign_id` resolve.
 */
export const marketingModule: SandboxModule = {
  name: 'marketing',
  register() {
    // Routes arrive with the Marketing API work.
  },
};
