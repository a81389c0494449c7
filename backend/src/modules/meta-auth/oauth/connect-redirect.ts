import { MetaConnectResult } from '@legeai/contracts';

/** The console page the OAuth callback returns to. */
export const CONSOLE_META_PATH = '/integrations/meta';

/** `/integrations/meta?result=<MetaConnectResult>&missing=<comma list>` on the console. */
export function consoleRedirect(publicUrl: string, result: MetaConnectResult, missing: readonly string[] = []): string {
  const query = new URLSearchParams({ result });
  if (missing.length) query.set('missing', missing.join(','));
  return `${publicUrl}${CONSOLE_META_PATH}?${query.toString()}`;
}
