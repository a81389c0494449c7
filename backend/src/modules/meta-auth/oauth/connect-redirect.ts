import { MetaConnectResult } from '@legeai/contracts';

/** The console page the OAuth callback returns to. */
export const CONSOLE_META_PATH = '/integrations/meta';

/**
 * `/integrations/meta?result=<MetaConnectResult>&missing=<comma list>&elsewhere=<count>` on the console; `elsewhere`
 * counts the Pages another organisation has connected (left inactive here), when there are some.
 */
export function consoleRedirect(publicUrl: string, result: MetaConnectResult, missing: readonly string[] = [], elsewhere = 0): string {
  const query = new URLSearchParams({ result });
  if (missing.length) query.set('missing', missing.join(','));
  if (elsewhere > 0) query.set('elsewhere', String(elsewhere));
  return `${publicUrl}${CONSOLE_META_PATH}?${query.toString()}`;
}
