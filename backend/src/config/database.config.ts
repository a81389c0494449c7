import { registerAs } from '@nestjs/config';
import { currentEnv } from './load-env';

export const databaseConfig = registerAs('database', () => {
  const url = currentEnv().env.DATABASE_URL;
  // main.ts fills DATABASE_URL in before Nest starts when the embedded PostgreSQL is used.
  if (!url) throw new Error('DATABASE_URL is not set and no embedded database was started');
  return { url };
});
