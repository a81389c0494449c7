import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { CapiEventDto, LeadDetailDto, ReopenLeadRequest, UpdateLeadStatusRequest } from '@legeai/contracts';

import { answerLabel, describeReviewReason } from '../../../shared/labels/lead-labels';
import { formatMoney } from '../../../shared/money/money';
import { formatCalendarDay } from '../../../shared/time/format-time';
import { ReadOnlyHint } from '../../../shared/ui/read-only-hint/read-only-hint';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { LeadDuplicates } from '../lead-duplicates/lead-duplicates';
import { LeadCustomFields } from '../lead-custom-fields/lead-custom-fields';
import { LeadStatusChip } from '../lead-status-chip/lead-status-chip';
import { LeadStatusControl } from '../lead-status-control/lead-status-control';
import { leadTimeline } from './lead-timeline';

/** Everything about one lead, shown in the drawer: contact, answers, consent, attribution, history and status. */
@Component({
  selector: 'lg-lead-detail',
  imports: [
    LeadDuplicates,
    LeadCustomFields,
    LeadStatusChip,
    LeadStatusControl,
    MatButtonModule,
    MatChipsModule,
    MatDividerModule,
    MatIconModule,
    MatTooltipModule,
    ReadOnlyHint,
    Timestamp,
  ],
  templateUrl: './lead-detail.html',
  styleUrl: './lead-detail.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LeadDetail {
  readonly lead = input.required<LeadDetailDto>();
  /** The lead's stages sent to Meta (Conversions API), shown in its timeline. */
  readonly conversionEvents = input<readonly CapiEventDto[]>([]);
  /** Managers and admins move leads along the pipeline; viewers see the control disabled, and why. */
  readonly canManage = input(false);
  /** A status change is on its way to the server. */
  readonly saving = input(false);
  readonly statusChange = output<UpdateLeadStatusRequest>();
  readonly reopen = output<ReopenLeadRequest>();
  /** A duplicate link was unlinked or confirmed: the lead as the server answered it. */
  readonly duplicatesChanged = output<LeadDetailDto>();
  /** The lead as stored after an edit made inside the drawer (its custom fields). */
  readonly leadChange = output<LeadDetailDto>();

  protected readonly name = computed(() => {
    const l = this.lead();
    return l.fullName || [l.firstName, l.lastName].filter(Boolean).join(' ');
  });
  /** The whole address as one block: street; city, state and ZIP; country by name. */
  protected readonly addressLines = computed(() => addressLines(this.lead()));
  protected readonly premium = computed(() => {
    const l = this.lead();
    if (l.premiumValue) {
      return formatMoney(l.premiumValue, l.premiumCurrency);
    }
    return l.premiumUnknown ? 'Not known yet' : null;
  });
  /** The form's language (Meta's `ES_LA` → `es`), so answers are read out and hyphenated in it. */
  protected readonly formLanguage = computed(() => this.lead().formLocale?.split('_')[0]?.toLowerCase() ?? null);
  protected readonly timeline = computed(() => leadTimeline(this.lead(), {}, this.conversionEvents()));
  protected readonly dateOfBirth = computed(() => {
    const day = this.lead().dateOfBirth;
    return day ? formatCalendarDay(day) : null;
  });
  protected readonly reviewReason = computed(() => {
    const reason = this.lead().reviewReason;
    return reason ? describeReviewReason(reason) : null;
  });
  protected readonly answerLabel = answerLabel;
  protected readonly attribution = computed(() => {
    const a = this.lead().attribution;
    return [
      { label: 'Page', value: labelled(this.lead().pageName, a.pageId) },
      { label: 'Form', value: labelled(this.lead().formName, a.formId) },
      { label: 'Campaign', value: labelled(a.campaignName, a.campaignId) },
      { label: 'Ad set', value: labelled(a.adsetName, a.adsetId) },
      { label: 'Ad', value: labelled(a.adName, a.adId) },
      { label: 'Platform', value: platformName(a.platform) },
      { label: 'Meta lead id', value: a.metaLeadId },
    ];
  });
}

/** Street; "City, ST 12345"; the country by name in the reader's language. */
export function addressLines(
  lead: Pick<LeadDetailDto, 'streetAddress' | 'city' | 'state' | 'zipCode' | 'country'>,
  locale?: string,
): string[] {
  const region = [lead.state, lead.zipCode].filter(Boolean).join(' ');
  const locality = [lead.city, region].filter(Boolean).join(', ');
  return [lead.streetAddress, locality, countryName(lead.country, locale)].filter((line): line is string => !!line);
}

function countryName(code: string | null, locale?: string): string | null {
  if (!code) {
    return null;
  }
  try {
    return new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

function labelled(name: string | null, id: string | null): string | null {
  if (name && id) {
    return `${name} (${id})`;
  }
  return name ?? id;
}

/** Meta reports the placement as `fb` or `ig`. */
function platformName(platform: string | null): string | null {
  switch (platform) {
    case 'fb':
      return 'Facebook';
    case 'ig':
      return 'Instagram';
    default:
      return platform;
  }
}
