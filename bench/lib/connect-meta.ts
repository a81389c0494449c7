import { BENCH_ADMIN } from './product';

/**
 * Connects Meta the way a user does: sign in, ask the product for the dialog URL, tick everything on the
 * sandbox's consent page, and follow the redirect back to the product's callback (which stores the tokens,
 * discovers the assets and subscribes the webhooks).
 */
export async function connectMetaThroughDialog(productUrl: string, sandboxUrl: string): Promise<void> {
  const login = await fetch(`${productUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (login.status !== 200) throw new Error(`login → ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };

  const authUrl = await fetch(`${productUrl}/v1/integrations/meta/auth/url`, { headers: { authorization: `Bearer ${accessToken}` } });
  if (authUrl.status !== 200) throw new Error(`auth/url → ${authUrl.status} ${await authUrl.text()}`);
  const { url } = (await authUrl.json()) as { url: string };

  const html = await (await fetch(url)).text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  const dialog = /name="dialog" value="([^"]+)"/.exec(html)?.[1];
  if (!action || !dialog) throw new Error(`unexpected consent page: ${html.slice(0, 300)}`);
  const body = new URLSearchParams({ dialog, decision: 'continue' });
  for (const name of ['scope', 'page', 'ad_account', 'business']) {
    for (const m of html.matchAll(new RegExp(`<input type="checkbox" name="${name}" value="([^"]+)" checked(?! disabled)`, 'g')))
      body.append(name, m[1]);
  }
  const decided = await fetch(`${sandboxUrl}${action}`, { method: 'POST', body, redirect: 'manual' });
  if (decided.status !== 302) throw new Error(`consent → ${decided.status} ${await decided.text()}`);
  const callback = decided.headers.get('location')!.replace(/#_=_$/, '');
  const landed = await fetch(callback, { redirect: 'manual' });
  if (landed.status !== 302) throw new Error(`callback → ${landed.status} ${await landed.text()}`);
  const landing = landed.headers.get('location') ?? '';
  if (/error|denied|failed/i.test(landing)) throw new Error(`connect ended on ${landing}`);
}
