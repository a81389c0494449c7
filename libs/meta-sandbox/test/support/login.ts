import type { RunningSandbox } from '../../src';
import { REDIRECT_URI, VERSION } from './test-sandbox';
import { graph } from './graph';

export interface DialogForm {
  dialogId: string;
  action: string;
  scopes: string[];
  pages: string[];
  adAccounts: string[];
  businesses: string[];
  html: string;
}

/** Facebook Login for Business: `config_id` instead of `scope`, with the code flow a system user token needs. */
export function configDialogUrl(sandbox: RunningSandbox, configId: string, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    client_id: sandbox.appId,
    redirect_uri: REDIRECT_URI,
    state: 'st-123',
    config_id: configId,
    response_type: 'code',
    override_default_response_type: 'true',
    ...extra,
  });
  return `${sandbox.url}/${VERSION}/dialog/oauth?${query.toString()}`;
}

export function dialogUrl(sandbox: RunningSandbox, scope: string[], extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    client_id: sandbox.appId,
    redirect_uri: REDIRECT_URI,
    state: 'st-123',
    scope: scope.join(','),
    response_type: 'code',
    ...extra,
  });
  return `${sandbox.url}/${VERSION}/dialog/oauth?${query.toString()}`;
}

const checkedValues = (html: string, name: string): string[] =>
  [...html.matchAll(new RegExp(`<input type="(?:checkbox|radio)" name="${name}" value="([^"]+)" checked(?! disabled)`, 'g'))].map(
    (m) => m[1],
  );

/** Reads the consent form the way a browser would see it. */
export async function openDialog(url: string): Promise<DialogForm> {
  const response = await fetch(url);
  const html = await response.text();
  if (response.status !== 200) throw new Error(`dialog answered ${response.status}: ${html}`);
  return {
    dialogId: /name="dialog" value="([^"]+)"/.exec(html)![1],
    action: /<form method="post" action="([^"]+)"/.exec(html)![1],
    scopes: checkedValues(html, 'scope'),
    pages: checkedValues(html, 'page'),
    adAccounts: checkedValues(html, 'ad_account'),
    businesses: checkedValues(html, 'business'),
    html,
  };
}

/** Submits the consent form; answers the redirect Location (not followed). */
export async function submitDialog(
  sandbox: RunningSandbox,
  form: DialogForm,
  decision: 'continue' | 'cancel',
  choice: Partial<Pick<DialogForm, 'scopes' | 'pages' | 'adAccounts' | 'businesses'>> = {},
): Promise<URL> {
  const body = new URLSearchParams({ dialog: form.dialogId, decision });
  for (const scope of choice.scopes ?? form.scopes) body.append('scope', scope);
  for (const page of choice.pages ?? form.pages) body.append('page', page);
  for (const account of choice.adAccounts ?? form.adAccounts) body.append('ad_account', account);
  for (const business of choice.businesses ?? form.businesses) body.append('business', business);
  const response = await fetch(`${sandbox.url}${form.action}`, { method: 'POST', body, redirect: 'manual' });
  if (response.status !== 302) throw new Error(`decide answered ${response.status}: ${await response.text()}`);
  return new URL(response.headers.get('location')!);
}

export async function exchangeCode(sandbox: RunningSandbox, code: string, redirectUri = REDIRECT_URI) {
  return graph(sandbox, 'GET', 'oauth/access_token', {
    params: { client_id: sandbox.appId, client_secret: sandbox.appSecret, redirect_uri: redirectUri, code },
  });
}

export const ALL_SCOPES = [
  'email',
  'pages_show_list',
  'pages_read_engagement',
  'pages_manage_metadata',
  'pages_manage_ads',
  'leads_retrieval',
  'ads_management',
  'ads_read',
  'business_management',
];

/** A Login for Business login with every asset left chosen: dialog, Continue, code exchange. Answers the token. */
export async function loginWithConfiguration(sandbox: RunningSandbox, configId: string): Promise<string> {
  const form = await openDialog(configDialogUrl(sandbox, configId));
  const location = await submitDialog(sandbox, form, 'continue');
  const exchanged = await exchangeCode(sandbox, location.searchParams.get('code')!);
  if (exchanged.status !== 200) throw new Error(JSON.stringify(exchanged.body));
  return exchanged.body.access_token as string;
}

/** The whole login: dialog, Continue, code exchange. Answers the short-lived user token. */
export async function loginAs(
  sandbox: RunningSandbox,
  scopes: string[] = ALL_SCOPES,
  choice: Partial<Pick<DialogForm, 'scopes' | 'pages' | 'adAccounts' | 'businesses'>> = {},
): Promise<string> {
  const form = await openDialog(dialogUrl(sandbox, scopes));
  const location = await submitDialog(sandbox, form, 'continue', choice);
  const exchanged = await exchangeCode(sandbox, location.searchParams.get('code')!);
  if (exchanged.status !== 200) throw new Error(JSON.stringify(exchanged.body));
  return exchanged.body.access_token as string;
}

/** A Page token for the demo user, from `/me/accounts`. */
export async function pageToken(sandbox: RunningSandbox, userToken: string, pageId: string): Promise<string> {
  const pages = await graph(sandbox, 'GET', 'me/accounts', { token: userToken, params: { fields: 'id,access_token' } });
  const page = pages.body.data.find((entry: { id: string }) => entry.id === pageId);
  if (!page) throw new Error(`page ${pageId} not in /me/accounts: ${JSON.stringify(pages.body)}`);
  return page.access_token as string;
}
