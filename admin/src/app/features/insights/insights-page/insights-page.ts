import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { DatePipe } from '@angular/common';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { InsightBreakdown, InsightRowDto, InsightsQuery } from '@legeai/contracts';
import { map } from 'rxjs';

import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { Notifier } from '../../../core/errors/notifier';
import { loadable } from '../../../shared/data/loadable';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import {
  CAMPAIGN_PAGE_SIZE,
  CampaignSort,
  InsightsView,
  RANGE_PRESETS,
  RangePreset,
  customRangeProblem,
  dayLabel,
  presetRange,
  rangeLabel,
  viewFromParams,
  viewToParams,
} from '../data/date-range';
import { InsightsApi } from '../data/insights-api';
import { breakdownSlices, count, funnelSteps, hasNoInsightsYet, kpis, money, percent } from '../data/insight-kpis';
import { conversionsSent, leadQuality } from '../data/lead-quality';
import { InsightChart, InsightChartData } from '../insight-chart/insight-chart';
import { RoiSettingsCard } from '../roi-settings-card/roi-settings-card';

const BREAKDOWNS: { key: Exclude<InsightBreakdown, 'none'>; title: string; chart: 'doughnut' | 'bar' }[] = [
  { key: 'platform', title: 'By platform', chart: 'doughnut' },
  { key: 'age_gender', title: 'By age and gender', chart: 'bar' },
  { key: 'region', title: 'By region', chart: 'bar' },
];

/**
 * Insights: what the ads cost and what their leads became. KPI cards against the previous period, daily spend
 * against leads, the funnel from impressions to won policies, the campaigns with their CPL and ROI (linked to the
 * Ads section), breakdowns by platform, age and gender, and region. The view (range, account, sort, page) lives in
 * the URL. Every chart has a table or summary beside it that a screen reader reads.
 */
@Component({
  selector: 'lg-insights-page',
  imports: [
    DatePipe,
    EmptyState,
    ErrorState,
    FormsModule,
    InsightChart,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    RoiSettingsCard,
    RouterLink,
    Timestamp,
  ],
  templateUrl: './insights-page.html',
  styleUrl: './insights-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InsightsPage {
  private readonly api = inject(InsightsApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly params = toSignal(
    inject(ActivatedRoute).queryParamMap.pipe(map((p) => Object.fromEntries(p.keys.map((k) => [k, p.get(k) ?? undefined])))),
    {
      initialValue: {} as Record<string, string | undefined>,
    },
  );

  protected readonly presets = RANGE_PRESETS;
  protected readonly breakdowns = BREAKDOWNS;
  protected readonly pageSize = CAMPAIGN_PAGE_SIZE;
  protected readonly columns = ['name', 'spend', 'leads', 'cpl', 'qualified', 'won', 'premium', 'roi', 'quality', 'capi'];
  protected readonly view = computed(() => viewFromParams(this.params()));
  protected readonly rangeText = computed(() => rangeLabel(this.view().range));

  protected readonly customSince = signal('');
  protected readonly customUntil = signal('');
  protected readonly customProblem = computed(() => customRangeProblem(this.customSince(), this.customUntil()));
  protected readonly downloading = signal(false);

  protected readonly accounts = loadable(() => this.api.adAccounts());
  protected readonly summary = loadable(() => this.api.summary(this.summaryQuery()));
  protected readonly campaigns = loadable(() => this.api.rows(this.campaignQuery()));
  protected readonly breakdownRows = {
    platform: loadable(() => this.api.rows(this.breakdownQuery('platform'))),
    age_gender: loadable(() => this.api.rows(this.breakdownQuery('age_gender'))),
    region: loadable(() => this.api.rows(this.breakdownQuery('region'))),
  };

  protected readonly noInsightsYet = computed(() => {
    const s = this.summary.value();
    return s !== null && hasNoInsightsYet(s);
  });
  protected readonly cards = computed(() => {
    const s = this.summary.value();
    return s ? kpis(s) : [];
  });
  protected readonly funnel = computed(() => {
    const s = this.summary.value();
    return s ? funnelSteps(s) : [];
  });
  protected readonly daily = computed<InsightChartData | null>(() => {
    const s = this.summary.value();
    if (!s) return null;
    return {
      type: 'spend-leads',
      labels: s.daily.map((d) => dayLabel(d.date)),
      series: [
        { label: `Spend (${s.currency})`, values: s.daily.map((d) => d.spend) },
        { label: 'Leads', values: s.daily.map((d) => d.storedLeads) },
      ],
    };
  });
  /** The daily chart in words: what a screen reader gets instead of the canvas, and everyone reads under it. */
  protected readonly dailySummary = computed(() => {
    const s = this.summary.value();
    if (!s || s.daily.length === 0) return '';
    const busiest = s.daily.reduce((a, b) => (b.spend > a.spend ? b : a));
    const mostLeads = s.daily.reduce((a, b) => (b.storedLeads > a.storedLeads ? b : a));
    return (
      `Over ${s.daily.length} days, ${money(s.totals.spend, s.currency)} spent and ${count(s.totals.storedLeads)} leads stored ` +
      `(Meta reported ${count(s.totals.metaLeads)}). Highest spend on ${dayLabel(busiest.date)}: ${money(busiest.spend, s.currency)}; ` +
      `most leads on ${dayLabel(mostLeads.date)}: ${count(mostLeads.storedLeads)}.`
    );
  });
  protected readonly slices = computed(() => {
    const currency = this.summary.value()?.currency;
    return Object.fromEntries(
      BREAKDOWNS.map((b) => {
        const rows = this.breakdownRows[b.key].value()?.items ?? [];
        const slices = currency ? breakdownSlices(rows, currency) : [];
        const chart: InsightChartData = {
          type: b.chart,
          labels: slices.map((s) => s.label),
          series: [{ label: `Spend (${currency ?? ''})`, values: slices.map((s) => s.spend) }],
        };
        return [b.key, { slices, chart }];
      }),
    ) as Record<Exclude<InsightBreakdown, 'none'>, { slices: ReturnType<typeof breakdownSlices>; chart: InsightChartData }>;
  });

  constructor() {
    this.accounts.load();
    // The view is the URL: any change of range, account, sort or page reads again what it affects.
    let last: InsightsView | null = null;
    effect(() => {
      const view = this.view();
      untracked(() => {
        const rangeChanged = !last || JSON.stringify([last.range, last.adAccountId]) !== JSON.stringify([view.range, view.adAccountId]);
        this.customSince.set(view.range.since);
        this.customUntil.set(view.range.until);
        if (rangeChanged) {
          this.summary.load();
          for (const b of BREAKDOWNS) this.breakdownRows[b.key].load();
        }
        this.campaigns.load();
        last = view;
      });
    });
  }

  /** "America/Los_Angeles" as people write it: "America/Los Angeles". */
  protected zoneName(zone: string): string {
    return zone.replace(/_/g, ' ');
  }

  protected money = money;
  protected percent = percent;
  protected count = count;
  protected leadQuality = leadQuality;
  protected conversionsSent = conversionsSent;

  protected choosePreset(preset: RangePreset): void {
    if (preset === 'custom') {
      this.show({ ...this.view(), preset: 'custom', pageIndex: 0 });
      return;
    }
    this.show({ ...this.view(), preset, range: presetRange(preset), pageIndex: 0 });
  }

  protected applyCustom(): void {
    if (this.customProblem()) return;
    this.show({ ...this.view(), preset: 'custom', range: { since: this.customSince(), until: this.customUntil() }, pageIndex: 0 });
  }

  protected chooseAccount(adAccountId: string | null): void {
    this.show({ ...this.view(), adAccountId, pageIndex: 0 });
  }

  protected changeSort(sort: Sort): void {
    const active = (sort.direction === '' ? 'spend' : sort.active) as CampaignSort;
    const order = sort.direction === '' ? 'desc' : sort.direction;
    this.show({ ...this.view(), sort: active, order, pageIndex: 0 });
  }

  protected changePage(event: PageEvent): void {
    this.show({ ...this.view(), pageIndex: event.pageIndex });
  }

  protected reloadAll(): void {
    this.summary.load();
    this.campaigns.load();
    for (const b of BREAKDOWNS) this.breakdownRows[b.key].load();
  }

  protected download(): void {
    this.downloading.set(true);
    const query = { ...this.campaignQuery(), limit: undefined, offset: undefined };
    this.api.csv(query).subscribe({
      next: (blob) => {
        this.downloading.set(false);
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = `insights-campaigns-${query.since}-${query.until}.csv`;
        a.click();
        URL.revokeObjectURL(url);
      },
      error: (e: unknown) => {
        this.downloading.set(false);
        this.notifier.error(httpErrorMessage(e));
      },
    });
  }

  protected sortHeader(column: string): CampaignSort | null {
    return ({ name: 'name', spend: 'spend', leads: 'storedLeads', cpl: 'cpl', roi: 'roi' } as Record<string, CampaignSort>)[column] ?? null;
  }

  protected trackRow(_: number, row: InsightRowDto): string {
    return `${row.adAccountId}|${row.objectId}`;
  }

  private show(view: InsightsView): void {
    void this.router.navigate([], { queryParams: viewToParams(view), queryParamsHandling: 'replace', replaceUrl: false });
  }

  private summaryQuery() {
    const v = this.view();
    return { ...v.range, adAccountId: v.adAccountId ?? undefined };
  }

  private campaignQuery(): InsightsQuery {
    const v = this.view();
    return {
      ...v.range,
      adAccountId: v.adAccountId ?? undefined,
      level: 'campaign',
      sort: v.sort,
      order: v.order,
      limit: CAMPAIGN_PAGE_SIZE,
      offset: v.pageIndex * CAMPAIGN_PAGE_SIZE,
    };
  }

  private breakdownQuery(breakdown: InsightBreakdown): InsightsQuery {
    const v = this.view();
    return { ...v.range, adAccountId: v.adAccountId ?? undefined, level: 'account', breakdown, sort: 'spend', limit: 200 };
  }
}
