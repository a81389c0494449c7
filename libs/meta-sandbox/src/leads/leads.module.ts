import type { SandboxModule } from '../core/sandbox-module';
import type { PageRecord } from '../world/types';
import { LEAD_ACCESS } from './lead-access';
import { leadFormNode, pageRefNode } from './lead-form.node';
import { leadNode } from './lead.node';

/** Lead forms, leads and test leads. */
export const leadsModule: SandboxModule = {
  name: 'leads',
  register(registry) {
    registry.node(leadFormNode);
    registry.node(pageRefNode);
    registry.node(leadNode);
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
