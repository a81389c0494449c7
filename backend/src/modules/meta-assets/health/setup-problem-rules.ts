import type { MetaHealthCheck } from '@legeai/contracts';
import type { GraphLeadAccess } from '../meta-assets.api';

/** Where Meta explains each setup problem and its fix. */
export const SETUP_HELP = {
  appModes: 'https://developers.facebook.com/docs/development/build-and-test/app-modes',
  leadAccess: 'https://developers.facebook.com/docs/graph-api/reference/has-lead-access/',
  retrievingLeads: 'https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving',
} as const;

/** The task a person (or system user) needs on a Page to read its leads and subscribe it to lead webhooks. */
export const ADVERTISE_TASK = 'ADVERTISE';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Pages listed in `/me/accounts` without the ADVERTISE task, by name. */
export function pageTasksCheck(pages: readonly string[], systemUser: boolean): MetaHealthCheck {
  const who = systemUser ? 'The system user' : 'The connected Meta user';
  return {
    key: 'page_tasks',
    level: 'error',
    message: `${who} lacks the Advertise task on ${pages.join(', ')}: Meta refuses its lead reads and lead webhook subscriptions there`,
    hint: systemUser
      ? 'In Business settings → Users → System users, assign these Pages to the system user with the Advertise task (or reconnect and choose them again), then Refresh assets.'
      : 'In the Page settings (or Business settings → Accounts → Pages), give the connected person the Advertise task ("Ads" access), then Refresh assets.',
    helpUrl: SETUP_HELP.retrievingLeads,
  };
}

export interface BlockedPage {
  page: string;
  access: GraphLeadAccess;
}

/** Pages whose `has_lead_access` says the leads cannot be read although the person has the Advertise task. */
export function leadsAccessCheck(blocked: readonly BlockedPage[]): MetaHealthCheck {
  const parts = blocked.map(({ page, access }) => {
    const who =
      access.app_has_leads_permission === false && access.user_has_leads_permission === false
        ? 'this app and the connected person'
        : access.app_has_leads_permission === false
          ? 'this app'
          : 'the connected person';
    const manager = access.enabled_lead_access_manager ? 'its Leads Access Manager leaves out ' : 'Meta refuses ';
    return `${page} (${manager}${who}${access.failure_reason ? `: ${access.failure_reason}` : ''})`;
  });
  const resolution = blocked.map(({ access }) => access.failure_resolution).find(Boolean);
  return {
    key: 'leads_access',
    level: 'error',
    message: `Leads of ${parts.join('; ')} cannot be read; test leads still work`,
    hint:
      'In Meta Business Suite → Business settings → Integrations → Leads access, open the Page and add this app under CRMs and the connected person under People ' +
      `(or remove the restriction), then run the check again.${resolution ? ` Meta says: ${resolution}` : ''}`,
    helpUrl: SETUP_HELP.leadAccess,
  };
}

export interface UnreadableForm {
  form: string;
  /** Leads Meta counts on the form that the app's lists leave out. */
  unreadable: number;
}

/**
 * Forms with leads Meta counts but does not list, on Pages whose lead access is open: an app in development mode only
 * gets the leads of people with a role on it (and test leads). Meta offers no Graph field with the app's mode, so this
 * is an inference, and a warning; it is only drawn when the connecting person has a role on the app (without one they
 * could not have logged in to an app in development mode).
 */
export function appModeCheck(forms: readonly UnreadableForm[]): MetaHealthCheck {
  const total = forms.reduce((sum, f) => sum + f.unreadable, 0);
  return {
    key: 'app_mode',
    level: 'warning',
    message:
      `Meta counts ${plural(total, 'lead')} the app cannot read (${forms.map((f) => `${f.form}: ${f.unreadable}`).join(', ')}) while lead access is open: ` +
      'the Meta app is probably in development mode, where only leads of people with a role on the app (and test leads) reach it',
    hint: 'In the App Dashboard, switch the app to Live (App Mode at the top; it needs a privacy policy URL, a data deletion URL and business verification), then use Sync leads on each form to fetch what was missed.',
    helpUrl: SETUP_HELP.appModes,
  };
}
