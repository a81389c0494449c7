import type { SandboxModule } from './sandbox-module';
import { batchRoute } from './batch-route';
import { multiGetRoute } from './multi-get-route';

/** Graph's own root: batch requests and `?ids=` multi-get. */
export const coreModule: SandboxModule = {
  name: 'core',
  register(registry) {
    registry.root(batchRoute);
    registry.root(multiGetRoute);
  },
};
