import { extname, join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';

/** `.ts` under ts-jest / ts-node, `.js` once built; never the `.d.ts` files tsc emits beside the `.js`. */
const EXT = extname(__filename);

export const MIGRATIONS_GLOB = join(__dirname, 'migrations', `*${EXT}`);
export const ENTITIES_GLOB = join(__dirname, '..', 'modules', '**', 'entities', `*.entity${EXT}`);

/** Settings shared by the application and the TypeORM CLI. `synchronize` is off everywhere: migrations only. */
export function baseDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'migrations',
    extra: { max: 10 },
  };
}
