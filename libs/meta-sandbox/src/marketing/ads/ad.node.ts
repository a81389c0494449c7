import type { GraphContext } from '../../core/graph-context';
import type { GraphRegistry, NodeTypeSpec } from '../../core/graph-registry';
import type { AdAccountRecord } from '../../world/types';
import type { AdRecord } from '../marketing-state';
import { graphTime } from '../../core/clock';
import { GraphErrors } from '../../core/graph-errors';
import { canSeeAdAccount } from '../../assets/asset-access';
import { marketing, nextAdObjectId } from '../marketing-state';
import { ADS_READ, ADS_WRITE, adsManagementUsage } from '../marketing-access';
import { invalidWithUserMessage, isObject, optionalJson, optionalString, requireString, validateOnly } from '../marketing-params';
import { adEffectiveStatus, parseStatus, statusFilter } from '../ad-status';

function creativeFor(ctx: GraphContext, accountId: string): string {
  const raw = optionalJson(ctx, 'creative');
  if (raw === undefined) throw GraphErrors.invalidParameter('The parameter creative is required');
  const creativeId = isObject(raw) ? raw['creative_id'] : undefined;
  if (typeof creativeId !== 'string' && typeof creativeId !== 'number') {
    throw GraphErrors.invalidParameter('Param creative must be a JSON object with creative_id');
  }
  const creative = marketing(ctx.world).creatives.get(String(creativeId));
  if (!creative || creative.accountId !== accountId || creative.status === 'DELETED') {
    throw GraphErrors.invalidParameter(`creative_id ${creativeId} is not a creative of ad account act_${accountId}`);
  }
  return creative.id;
}

/** `POST /act_{id}/ads`: an ad set and a creative; lead ad sets need a creative pointing at a lead form. */
function createAd(ctx: GraphContext, account: AdAccountRecord): { id: string } | { success: true } {
  const name = requireString(ctx, 'name');
  const adsetId = requireString(ctx, 'adset_id');
  const state = marketing(ctx.world);
  const adset = state.adsets.get(adsetId);
  if (!adset || adset.accountId !== account.accountId) {
    throw GraphErrors.invalidParameter(`Param adset_id ${adsetId} is not an ad set of ad account act_${account.accountId}`);
  }
  if (adset.status === 'DELETED') throw GraphErrors.invalidParameter('Cannot add an ad to a deleted ad set');
  const creativeId = creativeFor(ctx, account.accountId);
  const creative = state.creatives.get(creativeId)!;
  if ((adset.optimizationGoal === 'LEAD_GENERATION' || adset.optimizationGoal === 'QUALITY_LEAD') && !creative.leadGenFormId) {
    throw invalidWithUserMessage('Lead form required', 'Ads in a lead ad set need a creative whose call to action opens an instant form (lead_gen_form_id).', {
      blame: ['creative'],
    });
  }
  const status = parseStatus(optionalString(ctx, 'status') ?? 'ACTIVE');
  if (status === 'DELETED' || status === 'ARCHIVED') throw GraphErrors.invalidParameter('status must be ACTIVE or PAUSED when creating an ad');
  if (validateOnly(ctx)) return { success: true };
  const now = ctx.runtime.clock.now();
  const ad: AdRecord = {
    id: nextAdObjectId(ctx.world),
    accountId: account.accountId,
    campaignId: adset.campaignId,
    adsetId: adset.id,
    name,
    status,
    creativeId,
    createdTime: now,
    updatedTime: now,
  };
  state.ads.set(ad.id, ad);
  ctx.world.register(ad.id, 'Ad');
  return { id: ad.id };
}

function updateAd(ctx: GraphContext, ad: AdRecord): { success: true } {
  if (ad.status === 'DELETED') throw GraphErrors.invalidParameter('Cannot edit a deleted ad');
  const next: AdRecord = { ...ad };
  const name = optionalString(ctx, 'name');
  if (name !== undefined) next.name = name;
  const status = optionalString(ctx, 'status');
  if (status !== undefined) next.status = parseStatus(status);
  if (ctx.params['creative'] !== undefined) next.creativeId = creativeFor(ctx, ad.accountId);
  const adsetId = optionalString(ctx, 'adset_id');
  if (adsetId !== undefined && adsetId !== ad.adsetId) throw GraphErrors.invalidParameter('adset_id cannot be changed on an existing ad');
  if (validateOnly(ctx)) return { success: true };
  next.updatedTime = ctx.runtime.clock.now();
  marketing(ctx.world).ads.set(ad.id, next);
  return { success: true };
}

/** An ad (notes §5.3). `effective_status` shows ADSET_PAUSED / CAMPAIGN_PAUSED from its parents. */
export const adNode: NodeTypeSpec<AdRecord> = {
  type: 'Ad',
  load: (id, world) => marketing(world).ads.get(id),
  idOf: (ad) => ad.id,
  visible: (ad, ctx) => canSeeAdAccount(ctx, ad.accountId),
  access: ADS_READ,
  usage: (ad) => adsManagementUsage(ad.accountId),
  defaultFields: ['id'],
  fields: {
    id: (ad) => ad.id,
    account_id: (ad) => ad.accountId,
    campaign_id: (ad) => ad.campaignId,
    adset_id: (ad) => ad.adsetId,
    name: (ad) => ad.name,
    status: (ad) => ad.status,
    configured_status: (ad) => ad.status,
    effective_status: (ad, ctx) => adEffectiveStatus(ctx.world, ad),
    created_time: (ad) => graphTime(ad.createdTime),
    updated_time: (ad) => graphTime(ad.updatedTime),
    creative: { nodeType: 'AdCreative', get: (ad, ctx) => marketing(ctx.world).creatives.get(ad.creativeId) },
    adset: { nodeType: 'AdSet', get: (ad, ctx) => marketing(ctx.world).adsets.get(ad.adsetId) },
    campaign: { nodeType: 'Campaign', get: (ad, ctx) => marketing(ctx.world).campaigns.get(ad.campaignId) },
  },
  edges: {
    adcreatives: {
      list: {
        itemType: 'AdCreative',
        items: (ad, ctx) => [marketing(ctx.world).creatives.get(ad.creativeId)].filter((creative) => creative !== undefined),
      },
    },
  },
  update: { access: ADS_WRITE, handle: (ctx, ad) => updateAd(ctx, ad) },
  remove: {
    access: ADS_WRITE,
    handle: (ctx, ad) => {
      ad.status = 'DELETED';
      ad.updatedTime = ctx.runtime.clock.now();
      return { success: true };
    },
  },
};

export function registerAds(registry: GraphRegistry): void {
  registry.node(adNode);
  registry.edge<AdAccountRecord>('AdAccount', 'ads', {
    list: {
      itemType: 'Ad',
      maxLimit: 500,
      items: (account, ctx, modifiers) => {
        const keep = statusFilter(modifiers);
        return [...marketing(ctx.world).ads.values()].filter((ad) => ad.accountId === account.accountId && keep(adEffectiveStatus(ctx.world, ad)));
      },
    },
    create: { access: ADS_WRITE, handle: (ctx, account) => createAd(ctx, account) },
  });
}
