import type { NodeTypeSpec } from '../core/graph-registry';
import type { AppRecord } from '../world/types';

/** The app (`/{app-id}`, `/app` with an app token). `subscriptions` is added by the webhooks module. */
export const applicationNode: NodeTypeSpec<AppRecord> = {
  type: 'Application',
  load: (id, world) => world.apps.get(id),
  idOf: (app) => app.id,
  defaultFields: ['id', 'name'],
  fields: {
    id: (app) => app.id,
    name: (app) => app.name,
    category: (app) => app.category,
    link: (app) => app.link,
  },
};
