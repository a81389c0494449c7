import type { SandboxModule } from '../core/sandbox-module';
import { adAccountNode } from './ad-account.node';
import { businessNode } from './business.node';
import { businessRefNode, pageNode } from './page.node';
import { registerUserAssetEdges } from './user-assets.edges';

/** Businesses, ad accounts and Pages, and the user's edges to them. */
export const assetsModule: SandboxModule = {
  name: 'assets',
  register(registry) {
    registry.node(businessNode);
    registry.node(businessRefNode);
    registry.node(adAccountNode);
    registry.node(pageNode);
    registerUserAssetEdges(registry);
  },
};
