import { Global, Inject, Injectable, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { metaConfig } from '../../config/meta.config';
import { BatchingGraphReader } from './batching-graph-reader';
import { MetaGraphClient } from './meta-graph-client';
import type { GraphLogger } from './meta-graph.types';
import { DEFAULT_PACING } from './usage-pacer';

/** Structured Graph logs through Nest's logger (pino in the app); fields never hold tokens. */
function nestGraphLogger(): GraphLogger {
  const logger = new Logger(MetaGraphClient.name);
  return {
    debug: (msg, fields) => logger.debug({ msg, ...fields }),
    warn: (msg, fields) => logger.warn({ msg, ...fields }),
  };
}

/** Releases the client's metrics hook when the app shuts down (tests create many apps). */
@Injectable()
class MetaGraphClientLifecycle implements OnModuleDestroy {
  constructor(@Inject(MetaGraphClient) private readonly client: MetaGraphClient) {}
  onModuleDestroy(): void {
    this.client.dispose();
  }
}

/**
 * The one path to Meta. `MetaGraphClient` for single calls, paging and batches; `BatchingGraphReader` for
 * many concurrent reads with one token (they are coalesced into batch calls).
 */
@Global()
@Module({
  providers: [
    {
      provide: MetaGraphClient,
      inject: [metaConfig.KEY],
      useFactory: (cfg: ConfigType<typeof metaConfig>) =>
        new MetaGraphClient({
          graphUrl: cfg.graphUrl,
          apiVersion: cfg.apiVersion,
          // The current secret only: Meta knows one app secret at a time (see appsecret-proof.ts).
          appSecret: cfg.appSecret,
          timeoutMs: cfg.timeoutMs,
          // The classic proof is what Meta's own SDKs send and every app accepts; the time-stamped form
          // can be switched on here once configuration carries a flag for it.
          proofMode: 'classic',
          pacing: { ...DEFAULT_PACING, rateLimitPauseMs: cfg.rateLimitPauseMs },
          logger: nestGraphLogger(),
        }),
    },
    {
      provide: BatchingGraphReader,
      inject: [MetaGraphClient],
      useFactory: (client: MetaGraphClient) => new BatchingGraphReader(client),
    },
    MetaGraphClientLifecycle,
  ],
  exports: [MetaGraphClient, BatchingGraphReader],
})
export class MetaGraphModule {}
