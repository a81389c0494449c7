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
  assets: { kind: 'page' | 'ad_account' | 'business'; legend: string; items: { id: string; name: string }[] }[];
}

/** The consent step: requested permissions and assets, each a checkbox the user may untick. */
export function consentPage(view: ConsentView): string {
  const permissionBoxes = view.permissions
    .map((name) => {
      const fixed = name === 'public_profile';
      const description = PERMISSIONS[name]?.description ?? name;
      // public_profile is always granted; a disabled box is not submitted, so it is not sent at all.
      return `<label><input type="checkbox" name="scope" value="${escapeHtml(name)}" checked${fixed ? ' disabled' : ''}> ${escapeHtml(description)} <small>(${escapeHtml(name)})</small></label>`;
    })
    .join('\n');
  const assetSets = view.assets
    .filter((set) => set.items.length > 0)
    .map(
      (set) =>
        `<fieldset><legend>${escapeHtml(set.legend)}</legend>${set.items
          .map((item) => `<label><input type="checkbox" name="${set.kind}" value="${escapeHtml(item.id)}" checked> ${escapeHtml(item.name)}</label>`)
          .join('\n')}</fieldset>`,
    )
    .join('\n');
  return layout(
    `Log in to ${view.appName}`,
    `<h1>${escapeHtml(view.appName)} is requesting access</h1>
<p>Logged in as <strong>${escapeHtml(view.userName)}</strong>.</p>
<form method="post" action="${escapeHtml(view.action)}">
<input type="hidden" name="dialog" value="${escapeHtml(view.dialogId)}">
<fieldset><legend>Permissions</legend>
${permissionBoxes}
</fieldset>
${assetSets}
<div class="actions">
<button class="cancel" type="submit" name="decision" value="cancel">Cancel</button>
<button class="continue" type="submit" name="decision" value="continue">Continue as ${escapeHtml(view.userName.split(' ')[0] ?? view.userName)}</button>
</div>
</form>`,
  );
}
