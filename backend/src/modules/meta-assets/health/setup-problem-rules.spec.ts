import { appSubscriptionCheck } from './asset-health-rules';
import { appModeCheck, leadsAccessCheck, pageTasksCheck, SETUP_HELP } from './setup-problem-rules';

describe('setup problem rules', () => {
  it('names the Pages without the Advertise task and says where a person or a system user gets it', () => {
    const person = pageTasksCheck(['Acme Insurance', 'Acme Travel'], false);
    expect(person).toMatchObject({ key: 'page_tasks', level: 'error', helpUrl: SETUP_HELP.retrievingLeads });
    expect(person.message).toBe(
      'The connected Meta user lacks the Advertise task on Acme Insurance, Acme Travel: Meta refuses its lead reads and lead webhook subscriptions there',
    );
    expect(person.hint).toMatch(/Page settings/);
    const systemUser = pageTasksCheck(['Acme Insurance'], true);
    expect(systemUser.message).toMatch(/^The system user lacks/);
    expect(systemUser.hint).toMatch(/System users/);
  });

  it('tells whether the Leads Access Manager leaves out the app, the person or both, with Meta’s own words', () => {
    const check = leadsAccessCheck([
      {
        page: 'Acme Insurance',
        access: {
          can_access_lead: false,
          app_has_leads_permission: false,
          user_has_leads_permission: true,
          enabled_lead_access_manager: true,
          failure_reason: 'CRM access has been revoked from Lead Access Manager',
          failure_resolution: 'Ask a Page admin to grant the CRM access',
        },
      },
      {
        page: 'Acme Travel',
        access: {
          can_access_lead: false,
          app_has_leads_permission: true,
          user_has_leads_permission: false,
          enabled_lead_access_manager: true,
        },
      },
      { page: 'Acme Life', access: { can_access_lead: false, app_has_leads_permission: false, user_has_leads_permission: false } },
    ]);
    expect(check).toMatchObject({ key: 'leads_access', level: 'error', helpUrl: SETUP_HELP.leadAccess });
    expect(check.message).toContain(
      'Acme Insurance (its Leads Access Manager leaves out this app: CRM access has been revoked from Lead Access Manager)',
    );
    expect(check.message).toContain('Acme Travel (its Leads Access Manager leaves out the connected person)');
    expect(check.message).toContain('Acme Life (Meta refuses this app and the connected person)');
    expect(check.message).toMatch(/test leads still work$/);
    expect(check.hint).toContain('Meta says: Ask a Page admin to grant the CRM access');
  });

  it('adds up the unreadable leads of every form and points at development mode, as a warning', () => {
    const check = appModeCheck([
      { form: 'Auto quote', unreadable: 2 },
      { form: 'Home quote', unreadable: 1 },
    ]);
    expect(check).toMatchObject({ key: 'app_mode', level: 'warning', helpUrl: SETUP_HELP.appModes });
    expect(check.message).toMatch(/^Meta counts 3 leads the app cannot read \(Auto quote: 2, Home quote: 1\)/);
    expect(check.message).toContain('development mode');
    expect(appModeCheck([{ form: 'Auto quote', unreadable: 1 }]).message).toMatch(/^Meta counts 1 lead the app/);
  });

  it('reports a webhook callback URL that is another deployment’s, with both addresses', () => {
    const check = appSubscriptionCheck(
      false,
      'https://crm.example.com/v1/integrations/meta/webhook',
      undefined,
      'https://staging.example.com/hook',
    );
    expect(check.level).toBe('error');
    expect(check.message).toBe(
      "Meta sends this app's lead webhooks to https://staging.example.com/hook, not to this deployment (https://crm.example.com/v1/integrations/meta/webhook)",
    );
    expect(check.hint).toMatch(/its own Meta app/);
    expect(check.helpUrl).toBe('https://developers.facebook.com/docs/graph-api/webhooks/getting-started');
    // A subscription that failed for another reason keeps its own wording.
    expect(appSubscriptionCheck(false, 'https://crm.example.com/hook', 'handshake failed').message).toContain('does not point at');
  });
});
