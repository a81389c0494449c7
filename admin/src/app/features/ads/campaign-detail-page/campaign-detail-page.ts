import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { MetaAdDto, MetaAdSetDto, MetaCampaignDto, Role } from '@legeai/contracts';

import { AuthStore } from '../../../core/auth/auth-store';
import { loadable } from '../../../shared/data/loadable';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { ReadOnlyHint } from '../../../shared/ui/read-only-hint/read-only-hint';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { AdStatus } from '../ad-status/ad-status';
import { BudgetDialog, BudgetDialogData } from '../budget-dialog/budget-dialog';
import { AdsApi } from '../data/ads-api';
import { budgetOf } from '../data/budget';
import { countryName } from '../data/countries';
import { BudgetPipe, MoneyPipe } from '../money.pipe';
import { AdObject, StatusToggle } from '../status-toggle/status-toggle';

/** Ad sets and ads a campaign detail reads at once; lead campaigns have a handful. */
const CHILDREN_LIMIT = 100;

/**
 * One campaign with its ad sets (targeting, budget, schedule, optimisation) and its ads (creative, lead form, review
 * feedback), each with its pause/resume switch; budgets and end dates are edited in the budget dialog.
 */
@Component({
  selector: 'lg-campaign-detail-page',
  imports: [
    AdStatus,
    BudgetPipe,
    EmptyState,
    ErrorState,
    LabelPipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    MoneyPipe,
    ReadOnlyHint,
    RouterLink,
    StatusToggle,
    Timestamp,
  ],
  templateUrl: './campaign-detail-page.html',
  styleUrl: './campaign-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampaignDetailPage {
  private readonly api = inject(AdsApi);
  private readonly dialog = inject(MatDialog);

  /** Meta's campaign id, from the address. */
  readonly id = input.required<string>();
  /** The campaign's ad account (`?account=`), where it is looked for when the page is opened by its address. */
  readonly account = input<string | null>(null);
  /** The table hands over the row it was opened from, so the page shows at once. */
  private readonly handedOver = inject(Router).currentNavigation()?.extras.state?.['campaign'] as MetaCampaignDto | undefined;

  protected readonly canManage = inject(AuthStore).hasRole(Role.Manager);
  protected readonly adSetColumns = ['name', 'status', 'delivery', 'optimization', 'budget', 'schedule', 'targeting'];
  protected readonly limit = CHILDREN_LIMIT;

  protected readonly campaign = loadable(() => this.api.findCampaign(this.id(), this.account()));
  protected readonly adSets = loadable(() => this.api.adSets({ campaignId: this.id(), sort: 'name', order: 'asc', limit: CHILDREN_LIMIT }));
  protected readonly ads = loadable(() => this.api.ads({ campaignId: this.id(), sort: 'name', order: 'asc', limit: CHILDREN_LIMIT }));

  /** Ads whose image URL did not load (Meta's image URLs expire): they show the placeholder instead of a broken image. */
  protected readonly brokenImages = signal<ReadonlySet<string>>(new Set());

  constructor() {
    effect(() => {
      this.id();
      untracked(() => this.load());
    });
  }

  protected load(): void {
    const row = this.handedOver;
    if (row && row.campaignId === this.id()) {
      this.campaign.set(row);
    } else {
      this.campaign.load();
    }
    this.adSets.load();
    this.ads.load();
  }

  protected countryNames(codes: string[]): string {
    return codes.map((code) => countryName(code)).join(', ');
  }

  protected imageFailed(adId: string): void {
    this.brokenImages.update((ids) => new Set([...ids, adId]));
  }

  protected replaceCampaign(saved: AdObject): void {
    this.campaign.set(saved as MetaCampaignDto);
  }

  protected replaceAdSet(saved: AdObject): void {
    const page = this.adSets.value();
    if (page) {
      this.adSets.set({ ...page, items: page.items.map((s) => (s.id === saved.id ? (saved as MetaAdSetDto) : s)) });
    }
  }

  protected replaceAd(saved: AdObject): void {
    const page = this.ads.value();
    if (page) {
      this.ads.set({ ...page, items: page.items.map((a) => (a.id === saved.id ? (saved as MetaAdDto) : a)) });
    }
  }

  protected editCampaign(campaign: MetaCampaignDto): void {
    this.openBudget({ level: 'campaign', object: campaign, currency: campaign.currency }, (saved) => this.replaceCampaign(saved));
  }

  protected editAdSet(adSet: MetaAdSetDto): void {
    this.openBudget({ level: 'adset', object: adSet, currency: adSet.currency }, (saved) => this.replaceAdSet(saved));
  }

  protected readonly hasOwnBudget = budgetOf;
  protected readonly trackById = (_index: number, item: { id: string }): string => item.id;

  private openBudget(data: BudgetDialogData, then: (saved: AdObject) => void): void {
    this.dialog
      .open<BudgetDialog, BudgetDialogData, AdObject>(BudgetDialog, { data, width: '480px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved) => saved && then(saved));
  }
}
