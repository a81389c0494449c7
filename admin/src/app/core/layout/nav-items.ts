import { OPS_ROUTES, Role } from '@legeai/contracts';

/** What selecting a navigation entry does. */
export type NavTarget =
  /** A page of the console. */
  | { kind: 'route'; path: string; exact?: boolean }
  /** A page the backend serves outside the console, opened in a new tab. */
  | { kind: 'external'; href: string }
  /** A page the shell must prepare first, e.g. start a Bull Board session before opening `href`. */
  | { kind: 'action'; action: NavAction; href: string };

export type NavAction = 'open-queues';

export interface NavItem {
  label: string;
  /** Material icon ligature. */
  icon: string;
  /** Least privileged role that sees the entry. */
  minRole: Role;
  /** Heading the entry is listed under; entries without one come first. */
  section?: string;
  /** Whether only platform administrators see the entry (whatever their role in the organisation). */
  platformAdminsOnly?: boolean;
  /** One line shown on the overview page's quick links; entries without one are not offered there. */
  summary?: string;
  target: NavTarget;
}

/**
 * Every entry of the side navigation, in display order. New capabilities (Meta integration, leads, campaigns,
 * insights) add their entries here and nowhere else.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    label: 'Overview',
    icon: 'dashboard',
    minRole: Role.Viewer,
    target: { kind: 'route', path: '/', exact: true },
  },
  {
    label: 'Leads',
    icon: 'contact_page',
    minRole: Role.Viewer,
    summary: 'Search and filter leads, follow them through the pipeline and export them as CSV or Excel.',
    target: { kind: 'route', path: '/leads' },
  },
  {
    label: 'Lead fields',
    icon: 'playlist_add',
    minRole: Role.Viewer,
    summary: 'Define your own lead fields, such as vehicle year or household size.',
    target: { kind: 'route', path: '/lead-fields' },
  },
  {
    label: 'Ads',
    icon: 'campaign',
    minRole: Role.Viewer,
    summary: 'Run lead campaigns on Meta: budgets, review problems, pause and resume, and new campaigns within the insurance rules.',
    target: { kind: 'route', path: '/ads' },
  },
  {
    label: 'Insights',
    icon: 'insights',
    minRole: Role.Viewer,
    summary: 'See what your ads cost and what their leads became: cost per lead, per qualified lead and per policy, premium and ROI.',
    target: { kind: 'route', path: '/insights' },
  },
  {
    label: 'Catalog',
    icon: 'inventory_2',
    minRole: Role.Viewer,
    summary: 'Insurance products for dynamic ads: import them, see what Meta refused, and sync them to the Meta catalog.',
    target: { kind: 'route', path: '/catalog' },
  },
  {
    label: 'Activity',
    icon: 'monitor_heart',
    minRole: Role.Viewer,
    summary: 'Watch webhook deliveries and queues, and replay leads that failed.',
    target: { kind: 'route', path: '/activity' },
  },
  {
    label: 'Notifications',
    icon: 'notifications',
    minRole: Role.Viewer,
    summary: 'What needs attention (a reconnect, failing leads or syncs) and new leads, and how you want to hear of them.',
    target: { kind: 'route', path: '/notifications' },
  },
  {
    label: 'Meta',
    icon: 'hub',
    minRole: Role.Viewer,
    section: 'Integrations',
    summary: 'Connect a Meta account, check its health and see its pages, ad accounts and lead forms.',
    target: { kind: 'route', path: '/integrations/meta' },
  },
  {
    label: 'Conversions',
    icon: 'sync_alt',
    minRole: Role.Viewer,
    section: 'Integrations',
    summary: "Send each lead's stages back to Meta, so campaigns learn which leads become customers.",
    target: { kind: 'route', path: '/conversions' },
  },
  {
    label: 'Users',
    icon: 'group',
    minRole: Role.Admin,
    section: 'Administration',
    summary: 'Invite colleagues, change roles and deactivate accounts.',
    target: { kind: 'route', path: '/users' },
  },
  {
    label: 'API keys',
    icon: 'vpn_key',
    minRole: Role.Admin,
    section: 'Administration',
    summary: 'Issue and revoke keys for systems that call the API.',
    target: { kind: 'route', path: '/api-keys' },
  },
  {
    label: 'Webhooks',
    icon: 'webhook',
    minRole: Role.Admin,
    section: 'Administration',
    summary: 'Push lead events to your other systems, signed, with a log of every delivery.',
    target: { kind: 'route', path: '/webhooks' },
  },
  {
    label: 'Mail outbox',
    icon: 'outbox',
    minRole: Role.Admin,
    section: 'Administration',
    summary: 'Every email the product sent or keeps, with its text: without an SMTP server, mails stay here.',
    target: { kind: 'route', path: '/mail-outbox' },
  },
  {
    label: 'Audit log',
    icon: 'history',
    minRole: Role.Admin,
    section: 'Administration',
    summary: 'See who changed what, and when.',
    target: { kind: 'route', path: '/audit-log' },
  },
  {
    label: 'Organisations',
    icon: 'domain',
    minRole: Role.Viewer,
    platformAdminsOnly: true,
    section: 'Platform',
    target: { kind: 'route', path: '/platform/organisations' },
  },
  {
    label: 'Queues',
    icon: 'view_list',
    minRole: Role.Admin,
    section: 'Operations',
    summary: 'Inspect background jobs in Bull Board.',
    target: { kind: 'action', action: 'open-queues', href: OPS_ROUTES.queues },
  },
  {
    label: 'API docs',
    icon: 'description',
    minRole: Role.Viewer,
    section: 'Operations',
    summary: 'Browse the REST API in Swagger UI.',
    target: { kind: 'external', href: OPS_ROUTES.docs },
  },
];

export interface NavSection {
  title: string | null;
  items: NavItem[];
}

/** Groups entries by section, keeping the order in which sections first appear. */
export function groupNavItems(items: readonly NavItem[]): NavSection[] {
  const sections: NavSection[] = [];
  for (const item of items) {
    const title = item.section ?? null;
    let section = sections.find((s) => s.title === title);
    if (!section) {
      section = { title, items: [] };
      sections.push(section);
    }
    section.items.push(item);
  }
  return sections;
}
