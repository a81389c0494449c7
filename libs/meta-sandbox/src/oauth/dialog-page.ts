import { PERMISSIONS } from './permissions';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const layout = (title: string, body: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" type="image/svg+xml" href="/favicon.ico">
<style>
body{font-family:Helvetica,Arial,sans-serif;background:#f0f2f5;margin:0;color:#1c1e21}
.card{max-width:520px;margin:48px auto;background:#fff;border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.15);padding:24px}
.banner{font-size:12px;color:#65676b;text-transform:uppercase;letter-spacing:.05em}
h1{font-size:20px;margin:8px 0 16px} fieldset{border:1px solid #dddfe2;border-radius:6px;margin:12px 0;padding:8px 12px}
legend{font-weight:bold;font-size:14px} label{display:block;padding:4px 0;font-size:14px}
.actions{display:flex;gap:12px;margin-top:20px} button{flex:1;padding:10px;border-radius:6px;border:0;font-size:15px;cursor:pointer}
.continue{background:#1877f2;color:#fff} .cancel{background:#e4e6eb;color:#050505}
.error{color:#b00020}
</style></head><body><div class="card"><div class="banner">Meta sandbox · not Facebook</div>${body}</div></body></html>`;

export function errorPage(title: string, message: string): string {
  return layout(title, `<h1 class="error">${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}

export interface ConsentView {
  dialogId: string;
  action: string;
  appName: string;
  userName: string;
  permissions: string[];
  /** Facebook Login for Business: the configuration fixes the permissions (granted together) and the token type. */
  configuration?: { name: string; tokenType: 'USER' | 'SYSTEM_USER'; tokenExpiry: 'never' | '60_days' };
  assets: { kind: 'page' | 'ad_account' | 'business'; legend: string; items: { id: string; name: string }[] }[];
}

const describePermission = (name: string): string =>
  `${escapeHtml(PERMISSIONS[name]?.description ?? name)} <small>(${escapeHtml(name)})</small>`;

/** Facebook Login: a checkbox per permission the user may untick. */
function permissionBoxes(permissions: string[]): string {
  return permissions
    .map((name) => {
      const fixed = name === 'public_profile';
      // public_profile is always granted; a disabled box is not submitted, so it is not sent at all.
      return `<label><input type="checkbox" name="scope" value="${escapeHtml(name)}" checked${fixed ? ' disabled' : ''}> ${describePermission(name)}</label>`;
    })
    .join('\n');
}

/** Facebook Login for Business: the configuration's permissions, granted all together or not at all. */
function permissionList(permissions: string[], configuration: NonNullable<ConsentView['configuration']>, appName: string): string {
  const items = permissions.map((name) => `<li data-permission="${escapeHtml(name)}">${describePermission(name)}</li>`).join('\n');
  const token =
    configuration.tokenType === 'SYSTEM_USER'
      ? `${escapeHtml(appName)} gets a system user access token for the business you choose, which ${configuration.tokenExpiry === 'never' ? 'does not expire' : 'expires in 60 days'}.`
      : `${escapeHtml(appName)} gets a user access token for you.`;
  return `<p class="configuration" data-configuration-token="${configuration.tokenType}">${escapeHtml(configuration.name)}: ${token}</p>\n<ul>\n${items}\n</ul>`;
}

/** A system user belongs to one business: the business is a choice of one. */
function assetSet(set: ConsentView['assets'][number], single: boolean): string {
  const type = single ? 'radio' : 'checkbox';
  const inputs = set.items.map(
    (item, i) =>
      `<label><input type="${type}" name="${set.kind}" value="${escapeHtml(item.id)}"${!single || i === 0 ? ' checked' : ''}> ${escapeHtml(item.name)}</label>`,
  );
  return `<fieldset><legend>${escapeHtml(set.legend)}</legend>${inputs.join('\n')}</fieldset>`;
}

/** The consent step: requested permissions and the assets the user may grant. */
export function consentPage(view: ConsentView): string {
  const systemUser = view.configuration?.tokenType === 'SYSTEM_USER';
  const assetSets = view.assets
    .filter((set) => set.items.length > 0)
    .map((set) => assetSet(set, systemUser && set.kind === 'business'))
    .join('\n');
  const permissions = view.configuration
    ? permissionList(view.permissions, view.configuration, view.appName)
    : permissionBoxes(view.permissions);
  return layout(
    `Log in to ${view.appName}`,
    `<h1>${escapeHtml(view.appName)} is requesting access</h1>
<p>Logged in as <strong>${escapeHtml(view.userName)}</strong>.</p>
<form method="post" action="${escapeHtml(view.action)}">
<input type="hidden" name="dialog" value="${escapeHtml(view.dialogId)}">
<fieldset><legend>Permissions</legend>
${permissions}
</fieldset>
${assetSets}
<div class="actions">
<button class="cancel" type="submit" name="decision" value="cancel">Cancel</button>
<button class="continue" type="submit" name="decision" value="continue">Continue as ${escapeHtml(view.userName.split(' ')[0] ?? view.userName)}</button>
</div>
</form>`,
  );
}
