import { DEMO_IDS } from './demo-ids';

/**
 * Harbor Point's campaigns, ad sets and ads, as data. The scenario attributes its history of leads to the ads this
 * plan says were delivering at the time, and the Marketing API module builds the same objects from it, so a lead's
 * `ad_id` always resolves and an ad's insights count the leads it brought. Times are days before the world was
 * built; ids do not depend on the seed.
 */
export type DemoImage = 'auto' | 'home' | 'life' | 'health' | 'blog';

export interface DemoAdPlan {
  id: string;
  name: string;
  /** Headline (`link_data.name`), primary text (`message`) and description of the creative. */
  headline: string;
  message: string;
  description?: string;
  callToAction: 'GET_QUOTE' | 'SIGN_UP' | 'LEARN_MORE' | 'APPLY_NOW' | 'CONTACT_US';
  image: DemoImage;
  video?: boolean;
  /** Created later than its ad set. */
  startDaysAgo?: number;
  /** Paused by the agency this many days ago (status PAUSED). */
  pausedDaysAgo?: number;
  /** Refused in review: never delivered. The reason is the policy the review cites. */
  disapproved?: { policy: string; message: string };
}

export interface DemoAdSetPlan {
  id: string;
  name: string;
  startDaysAgo?: number;
  pausedDaysAgo?: number;
  /** Minor units (cents): ad set budgets, when the campaign has none. */
  dailyBudget?: number;
  /** Narrower places than the whole country (regions by Meta key). */
  regions?: { key: string; name: string }[];
  /** Spanish (23) or Japanese (11) speakers, as Meta's locale ids. */
  locales?: number[];
  publisherPlatforms?: string[];
  optimizationGoal?: 'LEAD_GENERATION' | 'QUALITY_LEAD';
  ads: DemoAdPlan[];
}

export interface DemoCampaignPlan {
  id: string;
  accountId: string;
  name: string;
  objective: 'OUTCOME_LEADS' | 'OUTCOME_TRAFFIC';
  /** The lead form every ad of the campaign opens (none for the traffic campaign). */
  formId?: string;
  startDaysAgo: number;
  /** Paused by the agency this many days ago. */
  pausedDaysAgo?: number;
  /** Scheduled end (`stop_time`) this many days ago: a completed campaign, still ACTIVE in status. */
  stopDaysAgo?: number;
  /** Campaign budget (Advantage campaign budget), minor units per day, or over the whole schedule. */
  dailyBudget?: number;
  lifetimeBudget?: number;
  adsets: DemoAdSetPlan[];
}

const { autoHome, lifeHealth } = DEMO_IDS.adAccounts;
const { forms } = DEMO_IDS;
const NJ_NY = [
  { key: '3873', name: 'New Jersey' },
  { key: '3876', name: 'New York' },
];

export const DEMO_CAMPAIGN_PLAN: DemoCampaignPlan[] = [
  {
    id: '120210000000000101',
    accountId: autoHome,
    name: 'Auto quotes – Always on',
    objective: 'OUTCOME_LEADS',
    formId: forms.auto,
    startDaysAgo: 118,
    dailyBudget: 6000,
    adsets: [
      {
        id: '120210000000001101',
        name: 'US drivers 25-64',
        ads: [
          {
            id: '120210000000011101',
            name: 'Auto – Save 15% video',
            headline: 'Drivers save 15% on average',
            message: 'Switching is easier than you think. Get your auto quote from a local agent in minutes.',
            callToAction: 'GET_QUOTE',
            image: 'auto',
            video: true,
          },
          {
            id: '120210000000011102',
            name: 'Auto – Bundle carousel',
            headline: 'Bundle home and auto',
            message: 'One agent, one bill, more savings. See what bundling could save you.',
            callToAction: 'GET_QUOTE',
            image: 'auto',
          },
        ],
      },
      {
        id: '120210000000001102',
        name: 'NJ & NY commuters',
        startDaysAgo: 60,
        regions: NJ_NY,
        ads: [
          {
            id: '120210000000011201',
            name: 'Auto – Commute cost calculator',
            headline: 'What does your commute cost?',
            message: 'Long drive to work? Make sure your coverage keeps up. Free quote, no obligation.',
            callToAction: 'LEARN_MORE',
            image: 'auto',
          },
          {
            id: '120210000000011202',
            name: 'Auto – 5-minute quote',
            headline: 'Your quote in 5 minutes',
            message: 'Answer a few questions and a Harbor Point agent sends your personal quote today.',
            callToAction: 'GET_QUOTE',
            image: 'auto',
          },
        ],
      },
    ],
  },
  {
    id: '120210000000000102',
    accountId: autoHome,
    name: 'Home insurance – Spring',
    objective: 'OUTCOME_LEADS',
    formId: forms.home,
    startDaysAgo: 88,
    adsets: [
      {
        id: '120210000000001201',
        name: 'Homeowners NJ/NY',
        dailyBudget: 3500,
        regions: NJ_NY,
        ads: [
          {
            id: '120210000000012101',
            name: 'Home – Storm season image',
            headline: 'Ready for storm season?',
            message: 'Check your home coverage before the next storm. Get a free review from a local agent.',
            callToAction: 'GET_QUOTE',
            image: 'home',
          },
          {
            id: '120210000000012102',
            name: 'Home – Roof replacement checklist',
            headline: 'New roof? Lower premium',
            message: 'A newer roof can lower what you pay. Tell us about your home and we will check your rate.',
            callToAction: 'LEARN_MORE',
            image: 'home',
            startDaysAgo: 40,
          },
        ],
      },
      {
        id: '120210000000001202',
        name: 'Condo & townhouse owners',
        startDaysAgo: 52,
        dailyBudget: 1500,
        ads: [
          {
            id: '120210000000012201',
            name: 'Home – Condo coverage explained',
            headline: 'Does your condo policy cover the walls?',
            message: 'HOA insurance stops at the walls. We cover what is inside, and you.',
            callToAction: 'LEARN_MORE',
            image: 'home',
          },
          {
            id: '120210000000012202',
            name: 'Home – Townhouse quote',
            headline: 'Townhouse insurance, simply',
            message: 'Tell us about your townhouse and get a quote from a local agent today.',
            callToAction: 'GET_QUOTE',
            image: 'home',
          },
        ],
      },
    ],
  },
  {
    id: '120210000000000103',
    accountId: autoHome,
    name: 'Seguro de auto – Hispanos EE. UU.',
    objective: 'OUTCOME_LEADS',
    formId: forms.autoSpanish,
    startDaysAgo: 98,
    adsets: [
      {
        id: '120210000000001301',
        name: 'Conductores hispanohablantes',
        dailyBudget: 2500,
        locales: [23],
        ads: [
          {
            id: '120210000000013101',
            name: 'Auto – Cotiza en español',
            headline: 'Cotiza tu seguro de auto',
            message: 'Un agente que habla español le prepara su cotización hoy mismo.',
            callToAction: 'GET_QUOTE',
            image: 'auto',
          },
          {
            id: '120210000000013102',
            name: 'Auto – Testimonio de cliente',
            headline: 'Ahorré en mi seguro',
            message: 'Clientes como usted ya ahorran con Harbor Point Seguros. Pida su cotización gratis.',
            callToAction: 'LEARN_MORE',
            image: 'auto',
            startDaysAgo: 50,
          },
        ],
      },
      {
        id: '120210000000001302',
        name: 'Hispanohablantes – Instagram',
        startDaysAgo: 64,
        dailyBudget: 1500,
        locales: [23],
        publisherPlatforms: ['instagram'],
        ads: [
          {
            id: '120210000000013201',
            name: 'Auto – Reel en español',
            headline: 'Su seguro, en su idioma',
            message: 'Le explicamos su póliza en español, sin letra pequeña.',
            callToAction: 'LEARN_MORE',
            image: 'auto',
            video: true,
          },
        ],
      },
    ],
  },
  {
    id: '120210000000000104',
    accountId: autoHome,
    name: 'Agency blog – Traffic',
    objective: 'OUTCOME_TRAFFIC',
    startDaysAgo: 190,
    adsets: [
      {
        id: '120210000000001401',
        name: 'Homeowners & drivers – broad',
        dailyBudget: 2000,
        ads: [
          {
            id: '120210000000014101',
            name: 'Blog – 5 ways to lower your premium',
            headline: '5 ways to lower your premium',
            message: 'Our agents share the questions to ask before your next renewal.',
            callToAction: 'LEARN_MORE',
            image: 'blog',
          },
        ],
      },
    ],
  },
  {
    id: '120210000000000105',
    accountId: autoHome,
    name: 'Auto – Quote retargeting',
    objective: 'OUTCOME_LEADS',
    formId: forms.auto,
    startDaysAgo: 45,
    adsets: [
      {
        id: '120210000000001501',
        name: 'Quote starters – 14 days',
        dailyBudget: 1500,
        ads: [
          {
            id: '120210000000015101',
            name: 'Auto – Finish your quote',
            headline: 'Your quote is waiting',
            message: 'You were almost there. Finish your auto quote in two more steps.',
            callToAction: 'GET_QUOTE',
            image: 'auto',
          },
          {
            id: '120210000000015102',
            name: 'Auto – Still shopping?',
            headline: 'Still shopping for auto insurance?',
            message: 'Compare before you renew: a local agent checks several carriers for you.',
            callToAction: 'LEARN_MORE',
            image: 'auto',
            pausedDaysAgo: 20,
          },
        ],
      },
      {
        id: '120210000000001502',
        name: 'Page engagers – 30 days',
        dailyBudget: 1200,
        publisherPlatforms: ['facebook', 'instagram'],
        ads: [
          {
            id: '120210000000015201',
            name: 'Auto – Roadside assistance included',
            headline: 'Roadside help, included',
            message: 'Flat tire at midnight? Our auto policies include 24/7 roadside assistance.',
            callToAction: 'SIGN_UP',
            image: 'auto',
          },
        ],
      },
    ],
  },
  {
    id: '120210000000000106',
    accountId: autoHome,
    name: 'Home + Auto bundle – Fall',
    objective: 'OUTCOME_LEADS',
    formId: forms.home,
    startDaysAgo: 70,
    pausedDaysAgo: 6,
    dailyBudget: 3000,
    adsets: [
      {
        id: '120210000000001601',
        name: 'Homeowners with cars',
        ads: [
          {
            id: '120210000000016101',
            name: 'Bundle – Save up to 25%',
            headline: 'Bundle and save up to 25%',
            message: 'Put your home and car with one agent and keep more of your money.',
            callToAction: 'GET_QUOTE',
            image: 'home',
          },
          {
            id: '120210000000016102',
            name: 'Bundle – One agent, one bill',
            headline: 'One agent. One bill.',
            message: 'Simplify your insurance: home and auto together, managed by someone who knows you.',
            callToAction: 'LEARN_MORE',
            image: 'home',
          },
        ],
      },
      {
        id: '120210000000001602',
        name: 'New homeowners',
        ads: [
          {
            id: '120210000000016201',
            name: 'Bundle – Moving checklist',
            headline: 'Just moved?',
            message: 'Add insurance to your moving checklist. We set up home and auto in one call.',
            callToAction: 'SIGN_UP',
            image: 'home',
          },
        ],
      },
    ],
  },
  {
    id: '120210000000000107',
    accountId: autoHome,
    name: 'Renters insurance – Summer promo',
    objective: 'OUTCOME_LEADS',
    formId: forms.home,
    startDaysAgo: 80,
    stopDaysAgo: 30,
    lifetimeBudget: 90000,
    adsets: [
      {
        id: '120210000000001701',
        name: 'Renters in NJ/NY metros',
        regions: NJ_NY,
        ads: [
          {
            id: '120210000000017101',
            name: 'Renters – Under $15 a month',
            headline: 'Renters insurance from $15/month',
            message: 'Your landlord’s policy doesn’t cover your things. Ours does.',
            callToAction: 'GET_QUOTE',
            image: 'home',
          },
          {
            id: '120210000000017102',
            name: 'Renters – Protect your stuff',
            headline: 'Protect what you own',
            message: 'Laptop, bike, furniture: see how little it costs to cover it all.',
            callToAction: 'LEARN_MORE',
            image: 'home',
          },
        ],
      },
      {
        id: '120210000000001702',
        name: 'Students & first apartments',
        ads: [
          {
            id: '120210000000017201',
            name: 'Renters – First apartment checklist',
            headline: 'First apartment?',
            message: 'Add renters insurance to your moving list: it costs less than you think.',
            callToAction: 'SIGN_UP',
            image: 'home',
          },
        ],
      },
    ],
  },
  {
    id: '120210000000000108',
    accountId: autoHome,
    name: 'Auto – New drivers',
    objective: 'OUTCOME_LEADS',
    formId: forms.auto,
    startDaysAgo: 25,
    adsets: [
      {
        id: '120210000000001801',
        name: 'Parents of teen drivers',
        dailyBudget: 1800,
        ads: [
          {
            id: '120210000000018101',
            name: 'New drivers – Add your teen',
            headline: 'Adding a teen driver?',
            message: 'Good-student and driver-training discounts can make a big difference. Ask an agent.',
            callToAction: 'GET_QUOTE',
            image: 'auto',
          },
          {
            id: '120210000000018102',
            name: 'New drivers – Lowest rate',
            headline: 'Guaranteed lowest rate for new drivers',
            message: 'Nobody beats our price for new drivers. Sign up now.',
            callToAction: 'SIGN_UP',
            image: 'auto',
            disapproved: {
              policy: 'Unrealistic Outcomes',
              message: 'Ads may not promise guaranteed prices, approval or results for financial products, including insurance.',
            },
          },
        ],
      },
      {
        id: '120210000000001802',
        name: 'First car buyers',
        dailyBudget: 1200,
        ads: [
          {
            id: '120210000000018201',
            name: 'New drivers – First car checklist',
            headline: 'Buying your first car?',
            message: 'Get insurance sorted before you drive off the lot. Quotes in minutes.',
            callToAction: 'GET_QUOTE',
            image: 'auto',
          },
        ],
      },
    ],
  },
  {
    id: '120210000000000201',
    accountId: lifeHealth,
    name: 'Term life – Families',
    objective: 'OUTCOME_LEADS',
    formId: forms.life,
    startDaysAgo: 73,
    dailyBudget: 4500,
    adsets: [
      {
        id: '120210000000002101',
        name: 'Parents 28-55',
        ads: [
          {
            id: '120210000000021101',
            name: 'Life – Family photo',
            headline: 'Protect what matters most',
            message: 'Term life coverage for young families, often less than a streaming subscription.',
            callToAction: 'GET_QUOTE',
            image: 'life',
          },
          {
            id: '120210000000021102',
            name: 'Life – Peace of mind carousel',
            headline: 'Peace of mind in three steps',
            message: 'Choose your coverage, answer a few questions, talk to a licensed agent.',
            callToAction: 'LEARN_MORE',
            image: 'life',
          },
        ],
      },
      {
        id: '120210000000002102',
        name: 'Instagram – new parents',
        startDaysAgo: 50,
        pausedDaysAgo: 3,
        publisherPlatforms: ['instagram'],
        ads: [
          {
            id: '120210000000021201',
            name: 'Life – Baby’s first policy reel',
            headline: 'New baby, new priorities',
            message: 'Make sure your family is covered. Free quote from a licensed agent.',
            callToAction: 'GET_QUOTE',
            image: 'life',
            video: true,
          },
        ],
      },
    ],
  },
  {
    id: '120210000000000202',
    accountId: lifeHealth,
    name: 'Health – Open enrollment',
    objective: 'OUTCOME_LEADS',
    formId: forms.health,
    startDaysAgo: 58,
    adsets: [
      {
        id: '120210000000002201',
        name: 'Self-employed 26-64',
        dailyBudget: 4000,
        optimizationGoal: 'QUALITY_LEAD',
        ads: [
          {
            id: '120210000000022101',
            name: 'Health – Open enrollment reel',
            headline: 'Open enrollment is here',
            message: 'Compare health plans from several carriers with one call.',
            callToAction: 'APPLY_NOW',
            image: 'health',
            video: true,
          },
          {
            id: '120210000000022102',
            name: 'Health – Compare plans in 2 minutes',
            headline: 'Compare plans in 2 minutes',
            message: 'Tell us who needs coverage; we show you the plans that fit.',
            callToAction: 'GET_QUOTE',
            image: 'health',
            startDaysAgo: 30,
          },
        ],
      },
      {
        id: '120210000000002202',
        name: 'Families – Marketplace & Stories',
        startDaysAgo: 40,
        dailyBudget: 1800,
        publisherPlatforms: ['facebook', 'instagram'],
        ads: [
          {
            id: '120210000000022201',
            name: 'Health – Family plan finder',
            headline: 'Find a plan for the whole family',
            message: 'Kids, spouse, one plan: compare family health plans with an agent.',
            callToAction: 'GET_QUOTE',
            image: 'health',
          },
          {
            id: '120210000000022202',
            name: 'Health – Dental and vision add-ons',
            headline: 'Add dental and vision',
            message: 'Round out your health plan with dental and vision coverage.',
            callToAction: 'LEARN_MORE',
            image: 'health',
          },
        ],
      },
    ],
  },
  {
    id: '120210000000000203',
    accountId: lifeHealth,
    name: '生命保険 – 日本語',
    objective: 'OUTCOME_LEADS',
    formId: forms.lifeJapanese,
    startDaysAgo: 43,
    adsets: [
      {
        id: '120210000000002301',
        name: '日本語話者 30-60',
        dailyBudget: 2000,
        locales: [11],
        ads: [
          {
            id: '120210000000023101',
            name: '生命保険 – 家族の安心',
            headline: 'ご家族に安心を',
            message: '日本語で相談できる生命保険。無料でお見積りします。',
            callToAction: 'GET_QUOTE',
            image: 'life',
          },
        ],
      },
    ],
  },
  {
    id: '120210000000000204',
    accountId: lifeHealth,
    name: 'Final expense – Peace of mind',
    objective: 'OUTCOME_LEADS',
    formId: forms.life,
    startDaysAgo: 60,
    adsets: [
      {
        id: '120210000000002401',
        name: 'Retirement planning interests',
        dailyBudget: 2200,
        ads: [
          {
            id: '120210000000024101',
            name: 'Final expense – Cover funeral costs',
            headline: 'Don’t leave costs behind',
            message: 'Final expense coverage helps your family with funeral costs and bills.',
            callToAction: 'GET_QUOTE',
            image: 'life',
          },
          {
            id: '120210000000024102',
            name: 'Final expense – Simple application',
            headline: 'A simple application',
            message: 'A few health questions, an answer from a licensed agent, coverage that lasts.',
            callToAction: 'LEARN_MORE',
            image: 'life',
          },
        ],
      },
      {
        id: '120210000000002402',
        name: 'Caregivers',
        dailyBudget: 1200,
        ads: [
          {
            id: '120210000000024201',
            name: 'Final expense – Talk to your parents',
            headline: 'Have the conversation',
            message: 'Planning ahead is a gift. We help you and your parents choose the right coverage.',
            callToAction: 'CONTACT_US',
            image: 'life',
          },
        ],
      },
    ],
  },
  {
    id: '120210000000000205',
    accountId: lifeHealth,
    name: 'Medicare supplement – AEP',
    objective: 'OUTCOME_LEADS',
    formId: forms.health,
    startDaysAgo: 55,
    stopDaysAgo: 10,
    lifetimeBudget: 120000,
    adsets: [
      {
        id: '120210000000002501',
        name: 'Medicare-eligible households',
        ads: [
          {
            id: '120210000000025101',
            name: 'Medicare – Compare supplement plans',
            headline: 'Compare Medicare supplement plans',
            message: 'Side-by-side plan comparisons from a licensed agent, at no cost to you.',
            callToAction: 'GET_QUOTE',
            image: 'health',
          },
          {
            id: '120210000000025102',
            name: 'Medicare – Enrollment window',
            headline: 'The enrollment window is open',
            message: 'Review your Medicare coverage before the annual enrollment period ends.',
            callToAction: 'LEARN_MORE',
            image: 'health',
          },
        ],
      },
      {
        id: '120210000000002502',
        name: 'Adult children of retirees',
        ads: [
          {
            id: '120210000000025201',
            name: 'Medicare – Help your parents compare',
            headline: 'Helping a parent with Medicare?',
            message: 'Sit in on a free plan review with a licensed agent.',
            callToAction: 'CONTACT_US',
            image: 'health',
          },
        ],
      },
    ],
  },
  {
    id: '120210000000000206',
    accountId: lifeHealth,
    name: 'Term life – Video test',
    objective: 'OUTCOME_LEADS',
    formId: forms.life,
    startDaysAgo: 35,
    adsets: [
      {
        id: '120210000000002601',
        name: 'Broad – video viewers',
        dailyBudget: 1500,
        ads: [
          {
            id: '120210000000026101',
            name: 'Life – 30-second explainer',
            headline: 'Term life in 30 seconds',
            message: 'What term life covers, what it costs and how to choose, in half a minute.',
            callToAction: 'LEARN_MORE',
            image: 'life',
            video: true,
          },
          {
            id: '120210000000026102',
            name: 'Life – Agent Q&A',
            headline: 'Ask an agent anything',
            message: 'Our agents answer the questions families ask most about life insurance.',
            callToAction: 'CONTACT_US',
            image: 'life',
            video: true,
            pausedDaysAgo: 12,
          },
        ],
      },
      {
        id: '120210000000002602',
        name: 'Video viewers – retargeting',
        startDaysAgo: 20,
        dailyBudget: 1000,
        ads: [
          {
            id: '120210000000026201',
            name: 'Life – Get your number',
            headline: 'How much life insurance do you need?',
            message: 'Two minutes, a few questions, and an agent calls with your number.',
            callToAction: 'GET_QUOTE',
            image: 'life',
          },
        ],
      },
    ],
  },
  {
    id: '120210000000000207',
    accountId: lifeHealth,
    name: 'Health – Small business owners',
    objective: 'OUTCOME_LEADS',
    formId: forms.health,
    startDaysAgo: 20,
    dailyBudget: 2500,
    adsets: [
      {
        id: '120210000000002701',
        name: 'Self-employed & 1099',
        ads: [
          {
            id: '120210000000027101',
            name: 'Health – Plans for the self-employed',
            headline: 'Health plans for the self-employed',
            message: 'Freelancer or contractor? Find a plan that fits how you work.',
            callToAction: 'GET_QUOTE',
            image: 'health',
          },
        ],
      },
      {
        id: '120210000000002702',
        name: 'Small business owners',
        ads: [
          {
            id: '120210000000027201',
            name: 'Health – Group plans for 2-50 employees',
            headline: 'Group health for small teams',
            message: 'Offer your team health benefits without the paperwork headache.',
            callToAction: 'GET_QUOTE',
            image: 'health',
          },
          {
            id: '120210000000027202',
            name: 'Health – Tax credit explainer',
            headline: 'Could you get a tax credit?',
            message: 'Small businesses may qualify for a tax credit when they offer health coverage.',
            callToAction: 'LEARN_MORE',
            image: 'health',
          },
        ],
      },
    ],
  },
];

/** When an ad delivered, in days before the world was built: [from, until); no `until` means it still does. */
export interface DeliveryDays {
  fromDaysAgo: number;
  untilDaysAgo?: number;
}

const laterEnd = (...ends: (number | undefined)[]): number | undefined => {
  const set = ends.filter((end): end is number => end !== undefined);
  return set.length > 0 ? Math.max(...set) : undefined;
};

/** The days an ad of the plan delivered: its own, its ad set's and its campaign's active time; none if disapproved. */
export function plannedDelivery(campaign: DemoCampaignPlan, adset: DemoAdSetPlan, ad: DemoAdPlan): DeliveryDays | undefined {
  if (ad.disapproved) return undefined;
  return {
    fromDaysAgo: Math.min(
      campaign.startDaysAgo,
      adset.startDaysAgo ?? campaign.startDaysAgo,
      ad.startDaysAgo ?? adset.startDaysAgo ?? campaign.startDaysAgo,
    ),
    untilDaysAgo: laterEnd(campaign.pausedDaysAgo, campaign.stopDaysAgo, adset.pausedDaysAgo, ad.pausedDaysAgo),
  };
}

export interface DemoAdRef {
  adAccountId: string;
  campaignId: string;
  campaignName: string;
  adsetId: string;
  adsetName: string;
  adId: string;
  adName: string;
  delivery: DeliveryDays;
}

/**
 * The ads demo leads may come from, per form, with the days each one delivered. A lead of the history names one of
 * the ads delivering when it was submitted.
 */
export const DEMO_AD_REFS: Record<string, DemoAdRef[]> = {};
for (const campaign of DEMO_CAMPAIGN_PLAN) {
  if (!campaign.formId) continue;
  for (const adset of campaign.adsets) {
    for (const ad of adset.ads) {
      const delivery = plannedDelivery(campaign, adset, ad);
      if (!delivery) continue;
      (DEMO_AD_REFS[campaign.formId] ??= []).push({
        adAccountId: campaign.accountId,
        campaignId: campaign.id,
        campaignName: campaign.name,
        adsetId: adset.id,
        adsetName: adset.name,
        adId: ad.id,
        adName: ad.name,
        delivery,
      });
    }
  }
}
