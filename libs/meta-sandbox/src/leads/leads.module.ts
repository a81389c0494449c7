import type { SandboxModule } from '../core/sandbox-module';
import type { PageRecord } from '../world/types';
import { LEAD_ACCESS } from './lead-access';
import { LEAD_RETENTION_MS } from './lead-retention';
import { DEFAULT_BUDGETS } from '../core/usage-types';
import { leadFormNode, pageRefNode } from './lead-form.node';
import { leadNode } from './lead.node';
import { hasLeadAccessField, hasLeadAccessNode } from './has-lead-access.field';

/** Lead forms, leads and test leads, and who may read them (`has_lead_access`, the Leads Access Manager). */
export const leadsModule: SandboxModule = {
  name: 'leads',
  register(registry, runtime) {
    // Meta's leadgen budget is 4800 calls a day per Page for each lead of the last 90 days
    // (https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
    if (runtime.usage.budgets.buc.leadgen === DEFAULT_BUDGETS.buc.leadgen) {
      runtime.usage.budgets.buc.leadgen = (pageId) => {
        const since = runtime.clock.now() - LEAD_RETENTION_MS;
        let recent = 0;
        for (const lead of runtime.world.leads.values()) if (lead.pageId === pageId && lead.createdTime >= since) recent++;
        return 4800 * Math.max(1, recent);
      };
    }
    registry.node(leadFormNode);
    registry.node(pageRefNode);
    registry.node(leadNode);
    registry.node(hasLeadAccessNode);
    registry.field('Page', 'has_lead_access', hasLeadAccessField);
    registry.edge<PageRecord>('Page', 'leadgen_forms', {
      list: {
        access: { ...LEAD_ACCESS, permissions: undefined, anyPermission: ['leads_retrieval', 'pages_manage_ads'] },
        usage: (page) => [{ type: 'leadgen', objectId: page.id }],
        itemType: 'LeadgenForm',
        items: (page, ctx) => [...ctx.world.forms.values()].filter((form) => form.pageId === page.id && form.status !== 'DELETED'),
      },
    });
  },
};
