import type { SandboxModule } from './core/sandbox-module';
import { coreModule } from './core/core.module';
import { oauthModule } from './oauth/oauth.module';
import { assetsModule } from './assets/assets.module';
import { leadsModule } from './leads/leads.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { marketingModule } from './marketing/marketing.module';

/**
 * Every slice of Meta the sandbox plays, in registration order: a module may add edges and fields to node types
 * registered by the modules before it (webhooks adds `Page/subscribed_apps`, marketing adds `AdAccount/campaigns`).
 */
export function createModules(): { modules: SandboxModule[]; webhooks: WebhooksModule } {
  const webhooks = new WebhooksModule();
  return { modules: [coreModule, oauthModule, assetsModule, leadsModule, webhooks, marketingModule], webhooks };
}
