import { InsightRowDto, InsightsSummaryDto } from '@legeai/contracts';

/** Number formatting the dashboard shares, in the reader's locale unless a spec pins one. */
export interface Fmt {
  locale?: string;
}

export function money(amount: number | null, currency: string, opts: Fmt = {}): string {
  if (amount === null) return 'No value';
  try {
    return new Intl.NumberFormat(opts.locale, { style: 'currency', currency, maximumFractionDigits: 2 }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

export function count(n: number, opts: Fmt = {}): string {
  return new Intl.NumberFormat(opts.locale).format(n);
}

/** A ratio as a signed percentage: 0.5 → "+50%", −0.25 → "−25%". */
export function percent(ratio: number | null, opts: Fmt = {}): string {
  if (ratio === null) return 'No value';
  return new Intl.NumberFormat(opts.locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(ratio);
}

export interface KpiChange {
  /** "+12% vs previous period", or "No earlier value". */
  text: string;
  direction: 'up' | 'down' | 'flat' | 'none';
  /** Whether the move is good news (spend is neither: null). */
  good: boolean | null;
}

export interface Kpi {
  key: 'spend' | 'leads' | 'cpl' | 'qualified' | 'won' | 'premium' | 'roi';
  label: string;
  value: string;
  /** One line under the value (Meta's count next to ours, the ROI basis). */
  detail: string | null;
  change: KpiChange;
}

/**
 * How a metric moved against the previous period. Amounts and counts move in percent of the earlier value; ROI, a
 * percentage itself, moves in points. No earlier value (zero or none) gives no percentage rather than infinity.
 */
export function change(
  current: number | null,
  previous: number | null,
  higherIsBetter: boolean | null,
  points = false,
  opts: Fmt = {},
): KpiChange {
  if (current === null || previous === null || (!points && previous === 0)) {
    return { text: 'No earlier value to compare', direction: 'none', good: null };
  }
  const delta = points ? current - previous : (current - previous) / Math.abs(previous);
  if (Math.abs(delta) < 0.0005) return { text: 'No change vs previous period', direction: 'flat', good: null };
  const direction = delta > 0 ? 'up' : 'down';
  const amount = points
    ? `${new Intl.NumberFormat(opts.locale, { maximumFractionDigits: 1, signDisplay: 'always' }).format(delta * 100)} pts`
    : percent(delta, opts);
  return { text: `${amount} vs previous period`, direction, good: higherIsBetter === null ? null : delta > 0 === higherIsBetter };
}

/** The seven cards: spend, leads, CPL, qualified, won, premium, ROI, each against the previous period. */
export function kpis(summary: InsightsSummaryDto, opts: Fmt = {}): Kpi[] {
  const t = summary.totals;
  const p = summary.previous;
  const c = summary.currency;
  return [
    { key: 'spend', label: 'Spend', value: money(t.spend, c, opts), detail: null, change: change(t.spend, p.spend, null, false, opts) },
    {
      key: 'leads',
      label: 'Leads',
      value: count(t.storedLeads, opts),
      detail: `Meta reported ${count(t.metaLeads, opts)}`,
      change: change(t.storedLeads, p.storedLeads, true, false, opts),
    },
    { key: 'cpl', label: 'Cost per lead', value: money(t.cpl, c, opts), detail: null, change: change(t.cpl, p.cpl, false, false, opts) },
    {
      key: 'qualified',
      label: 'Qualified leads',
      value: count(t.qualifiedLeads, opts),
      detail: t.costPerQualified === null ? null : `${money(t.costPerQualified, c, opts)} each`,
      change: change(t.qualifiedLeads, p.qualifiedLeads, true, false, opts),
    },
    {
      key: 'won',
      label: 'Policies won',
      value: count(t.wonPolicies, opts),
      detail: t.costPerWon === null ? null : `${money(t.costPerWon, c, opts)} each`,
      change: change(t.wonPolicies, p.wonPolicies, true, false, opts),
    },
    {
      key: 'premium',
      label: 'Premium won',
      value: money(t.premiumWon, c, opts),
      detail: null,
      change: change(t.premiumWon, p.premiumWon, true, false, opts),
    },
    {
      key: 'roi',
      label: 'ROI',
      value: percent(t.roi, opts),
      detail: summary.roiBasis === 'commission' ? `On commission at ${percentPlain(summary.commissionRate, opts)}` : 'On premium won',
      change: change(t.roi, p.roi, true, true, opts),
    },
  ];
}

function percentPlain(rate: number | null, opts: Fmt): string {
  return rate === null ? 'no rate' : new Intl.NumberFormat(opts.locale, { style: 'percent', maximumFractionDigits: 2 }).format(rate);
}

/** Nothing was ever pulled: the dashboard explains the first pull instead of showing zeros. */
export function hasNoInsightsYet(summary: InsightsSummaryDto): boolean {
  return summary.dataAsOf === null && summary.totals.impressions === 0 && summary.totals.spend === 0;
}

/** The funnel's steps with the share of the step before (for the text beside the bars). */
export function funnelSteps(
  summary: InsightsSummaryDto,
  opts: Fmt = {},
): { label: string; value: number; text: string; width: number; rate: string | null }[] {
  const f = summary.funnel;
  const steps = [
    { label: 'Impressions', value: f.impressions },
    { label: 'Clicks', value: f.clicks },
    { label: 'Leads', value: f.leads },
    { label: 'Qualified', value: f.qualified },
    { label: 'Won', value: f.won },
  ];
  // Bars on a log scale: impressions dwarf policies by five orders of magnitude, and a linear bar of 3 won would be invisible.
  const max = Math.log10(Math.max(1, f.impressions) + 1);
  return steps.map((s, i) => {
    const before = i === 0 ? null : steps[i - 1].value;
    const rate =
      before === null || before === 0
        ? null
        : new Intl.NumberFormat(opts.locale, { style: 'percent', maximumFractionDigits: 2 }).format(s.value / before);
    return {
      ...s,
      text: count(s.value, opts),
      width: max === 0 ? 0 : Math.max(s.value > 0 ? 2 : 0, Math.round((Math.log10(s.value + 1) / max) * 100)),
      rate,
    };
  });
}

/** One slice of a breakdown (a platform, an age and gender, a region), summed over the accounts in the headline currency. */
export interface BreakdownSlice {
  key: string;
  label: string;
  spend: number;
  metaLeads: number;
  impressions: number;
  metaCpl: number | null;
}

const PLATFORM_LABELS: Record<string, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  audience_network: 'Audience Network',
  messenger: 'Messenger',
  threads: 'Threads',
};

export function breakdownLabel(key: string): string {
  return (
    PLATFORM_LABELS[key] ?? key.replace(/_/g, ' ').replace(/\b(male|female|unknown)\b/g, (g) => g.charAt(0).toUpperCase() + g.slice(1))
  );
}

/**
 * Breakdown rows (one per account and key) as slices per key, in one currency only, biggest spend first; the rest
 * beyond `top` fold into "Other".
 */
export function breakdownSlices(rows: InsightRowDto[], currency: string, top = 8): BreakdownSlice[] {
  const byKey = new Map<string, BreakdownSlice>();
  for (const r of rows) {
    if (r.currency !== currency || r.breakdownKey === null) continue;
    const s = byKey.get(r.breakdownKey) ?? {
      key: r.breakdownKey,
      label: breakdownLabel(r.breakdownKey),
      spend: 0,
      metaLeads: 0,
      impressions: 0,
      metaCpl: null,
    };
    s.spend += r.metrics.spend;
    s.metaLeads += r.metrics.metaLeads;
    s.impressions += r.metrics.impressions;
    byKey.set(r.breakdownKey, s);
  }
  const sorted = [...byKey.values()].sort((a, b) => b.spend - a.spend || a.label.localeCompare(b.label));
  const kept = sorted.slice(0, top);
  const rest = sorted.slice(top);
  if (rest.length) {
    kept.push(
      rest.reduce<BreakdownSlice>(
        (o, s) => ({ ...o, spend: o.spend + s.spend, metaLeads: o.metaLeads + s.metaLeads, impressions: o.impressions + s.impressions }),
        { key: '__other', label: `Other (${rest.length})`, spend: 0, metaLeads: 0, impressions: 0, metaCpl: null },
      ),
    );
  }
  return kept.map((s) => ({
    ...s,
    spend: Math.round(s.spend * 100) / 100,
    metaCpl: s.metaLeads === 0 ? null : Math.round((s.spend / s.metaLeads) * 100) / 100,
  }));
}
