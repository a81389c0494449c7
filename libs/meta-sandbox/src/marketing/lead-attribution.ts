import type { World } from '../world/world';
import type { AdRef } from '../world/types';
import { setAdCandidates } from '../leads/lead-attribution';
import { marketing } from './marketing-state';
import { isDelivering } from './delivery-window';

/**
 * New leads (the demo ticker, `POST /__sandbox/leads`) come from the ads delivering now with the form: paused,
 * refused, still-in-review or finished ads bring none, and an ad created over the API brings some once approved.
 * The lead names the ad as it is named now.
 */
export function attributeLeadsToLiveAds(world: World): void {
  setAdCandidates(world, (form, atMs) => {
    const state = marketing(world);
    const refs: AdRef[] = [];
    for (const ad of state.index.adsByForm.get(form.id) ?? []) {
      if (!isDelivering(world, ad, atMs)) continue;
      refs.push({
        adId: ad.id,
        adName: ad.name,
        adsetId: ad.adsetId,
        adsetName: state.adsets.get(ad.adsetId)?.name ?? '',
        campaignId: ad.campaignId,
        campaignName: state.campaigns.get(ad.campaignId)?.name ?? '',
      });
    }
    return refs;
  });
}
