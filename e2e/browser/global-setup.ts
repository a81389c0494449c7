import { startServer } from './server';

/**
 * Starts one real server for all browser tests unless E2E_BASE_URL points at one already (then E2E_ADMIN_EMAIL,
 * E2E_ADMIN_PASSWORD, E2E_SANDBOX_URL and E2E_DATABASE_URL must be set too). Tests run in this process (`--runInBand`), so they see the variables set here.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env['E2E_BASE_URL']) return;
  const server = await startServer();
  process.env['E2E_BASE_URL'] = server.baseUrl;
  process.env['E2E_SANDBOX_URL'] = server.sandboxUrl;
  process.env['E2E_DATABASE_URL'] = server.databaseUrl;
  process.env['E2E_ADMIN_EMAIL'] = server.adminEmail;
  process.env['E2E_ADMIN_PASSWORD'] = server.adminPassword;
  (globalThis as { __legeaiServer?: typeof server }).__legeaiServer = server;
}
