/**
 * DataSource for the TypeORM CLI (generate/run/revert migrations), e.g. from backend/:
 *   npx typeorm-ts-node-commonjs migration:generate -d src/database/data-source.ts src/database/migrations/<name>
 * or, after a build: npx typeorm migration:run -d dist/database/data-source.js
 * It reads DATABASE_URL through the validated env; the embedded database must be running for the CLI to reach it.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnv } from '../config/load-env';
import { baseDataSourceOptions, ENTITIES_GLOB } from './typeorm-options';

const env = loadEnv();
const url = env.DATABASE_URL ?? `postgresql://postgres@127.0.0.1:${env.EMBEDDED_PG_PORT}/postgres`;

export default new DataSource({ ...baseDataSourceOptions(url), entities: [ENTITIES_GLOB] });
