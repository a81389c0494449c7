import type { ResolvedOptions } from '../../options';
import type { World } from '../world';
import type { AdAccountRecord, PageRecord } from '../types';
import { DEMO_IDS } from '../demo-ids';
import { INSURANCE_FORMS } from './insurance-forms';
import { generateLead, storeLead } from '../../leads/lead-factory';

const DAY_MS = 86_400_000;
const ALL_TASKS = ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE'];

/** Harbor Point Insurance: the agency a new user meets in the demo. */
export function buildInsuranceAgency(world: World, options: ResolvedOptions): void {
  void options;
  const now = world.createdAt;
  const user = world.users.get(DEMO_IDS.userId)!;
  world.businesses.set(DEMO_IDS.businessId, {
    id: DEMO_IDS.businessId,
    name: 'Harbor Point Insurance Group',
    verificationStatus: 'verified',
    createdTime: now - 900 * DAY_MS,
  });
  world.register(DEMO_IDS.businessId, 'Business');
  user.businessIds.push(DEMO_IDS.businessId);

  const accounts: AdAccountRecord[] = [
    {
      accountId: DEMO_IDS.adAccounts.autoHome,
      name: 'Harbor Point – Auto & Home',
      currency: 'USD',
      timezoneName: 'America/New_York',
      accountStatus: 1,
      disableReason: 0,
      amountSpent: '4821377',
      spendCap: '0',
      balance: '0',
      minDailyBudget: 100,
      businessId: DEMO_IDS.businessId,
      createdTime: now - 700 * DAY_MS,
    },
    {
      accountId: DEMO_IDS.adAccounts.lifeHealth,
      name: 'Harbor Point – Life & Health',
      currency: 'USD',
      timezoneName: 'America/Chicago',
      accountStatus: 1,
      disableReason: 0,
      amountSpent: '1938450',
      spendCap: '5000000',
      balance: '12500',
      minDailyBudget: 100,
      businessId: DEMO_IDS.businessId,
      createdTime: now - 400 * DAY_MS,
    },
  ];
  for (const account of accounts) {
    world.adAccounts.set(account.accountId, account);
    world.register(`act_${account.accountId}`, 'AdAccount');
    user.adAccountIds.push(account.accountId);
  }

  const pages: PageRecord[] = [
    {
      id: DEMO_IDS.pages.main,
      name: 'Harbor Point Insurance',
      category: 'Insurance Agent',
      businessId: DEMO_IDS.businessId,
      link: 'https://www.facebook.com/harborpointinsurance',
      followersCount: 4821,
    },
    {
      id: DEMO_IDS.pages.spanish,
      name: 'Harbor Point Seguros',
      category: 'Insurance Agent',
      businessId: DEMO_IDS.businessId,
      link: 'https://www.facebook.com/harborpointseguros',
      followersCount: 1290,
    },
    {
      id: DEMO_IDS.pages.japanese,
      name: 'ハーバーポイント保険',
      category: 'Insurance Agent',
      businessId: DEMO_IDS.businessId,
      link: 'https://www.facebook.com/harborpoint.jp',
      followersCount: 377,
    },
  ];
  for (const page of pages) {
    world.pages.set(page.id, page);
    world.register(page.id, 'Page');
  }
  user.pageRoles.push(
    { pageId: DEMO_IDS.pages.main, tasks: [...ALL_TASKS] },
    { pageId: DEMO_IDS.pages.spanish, tasks: [...ALL_TASKS] },
    // An analyst-style role: can advertise and read results, cannot manage the Page.
    { pageId: DEMO_IDS.pages.japanese, tasks: ['ADVERTISE', 'ANALYZE'] },
  );

  const rng = world.rng.stream('leads');
  for (const seed of INSURANCE_FORMS) {
    const { daysAgo, questions, ...form } = seed;
    world.forms.set(form.id, {
      ...form,
      createdTime: now - daysAgo * DAY_MS,
      questions: questions.map((question, i) => ({ ...question, id: String(BigInt(form.id) * 100n + BigInt(i + 1)) })),
      privacyPolicyUrl: 'https://harborpoint-insurance.example/privacy',
      privacyPolicyLinkText: 'Privacy policy',
      followUpActionUrl: 'https://harborpoint-insurance.example/thanks',
    });
    world.register(form.id, 'LeadgenForm');
  }
  // Weeks of history, oldest first, so lead ids grow with time as Meta's do.
  const history: { formId: string; at: number }[] = [];
  for (const form of world.forms.values()) {
    const days = form.status === 'ACTIVE' ? Math.min(60, Math.round((now - form.createdTime) / DAY_MS)) : 0;
    const count = form.status === 'ACTIVE' ? rng.int(18, 32) : 0;
    for (let i = 0; i < count; i++) history.push({ formId: form.id, at: now - rng.int(1, days * 24 * 60) * 60_000 });
  }
  history.sort((a, b) => a.at - b.at);
  for (const { formId, at } of history) storeLead(world, generateLead(world, world.forms.get(formId)!, rng, { createdTime: at }));
}
