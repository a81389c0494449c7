import { Injectable } from '@nestjs/common';
import type { CreateLeadCampaignRequest, GuardrailFinding } from '@legeai/contracts';
import { AdAssetsDirectory, type AdAccountRef } from '../../meta-assets';
import { checkLeadCampaignDraft, type DraftVerdict } from '../guardrails';
import { AdObjectsRepository } from '../repositories/ad-objects.repository';
import { AdsSettingsRepository } from '../repositories/ads-settings.repository';

export interface CheckedDraft extends DraftVerdict {
  account: AdAccountRef | null;
}

const finding = (code: string, field: string, message: string): GuardrailFinding => ({ code, severity: 'error', field, message });

/**
 * Checks a lead campaign draft without calling Meta: the ad account, Page and lead form against what the connection
 * reaches, then the guardrails (special ad category, audience, schedule, daily ceiling). The console shows the
 * findings while the user fills the form; a creation is refused while any is an error.
 */
@Injectable()
export class LeadCampaignDrafts {
  constructor(
    private readonly directory: AdAssetsDirectory,
    private readonly objects: AdObjectsRepository,
    private readonly settings: AdsSettingsRepository,
  ) {}

  async check(organisationId: string, draft: CreateLeadCampaignRequest, now = new Date()): Promise<CheckedDraft> {
    const findings: GuardrailFinding[] = [];
    const account = await this.directory.adAccount(organisationId, draft.adAccountId);
    if (!account || !account.isActive)
      findings.push(
        finding(
          'ad_account_unknown',
          'adAccountId',
          `Ad account ${draft.adAccountId} is not reachable through this organisation's Meta connection.`,
        ),
      );
    const page = await this.directory.page(organisationId, draft.adSet.pageId);
    if (!page || !page.isActive) {
      findings.push(
        finding(
          'page_not_connected',
          'adSet.pageId',
          `Page ${draft.adSet.pageId} is not connected: lead ads run for a connected Page whose forms they open.`,
        ),
      );
    } else if (!page.tasks.includes('ADVERTISE')) {
      findings.push(
        finding(
          'page_cannot_advertise',
          'adSet.pageId',
          `The connected Meta user cannot advertise for ${page.name}: ask for the Advertise task on the Page.`,
        ),
      );
    }
    const form = await this.directory.leadForm(organisationId, draft.ad.leadFormId);
    if (!form || !form.live)
      findings.push(finding('lead_form_unknown', 'ad.leadFormId', `Lead form ${draft.ad.leadFormId} is not a form of a connected Page.`));
    else if (form.pageId !== draft.adSet.pageId)
      findings.push(
        finding(
          'lead_form_other_page',
          'ad.leadFormId',
          `The form "${form.name}" belongs to another Page: the ad can only open a form of the Page it runs for.`,
        ),
      );
    else if (form.status !== 'ACTIVE')
      findings.push(
        finding(
          'lead_form_inactive',
          'ad.leadFormId',
          `The form "${form.name}" is ${form.status.toLowerCase()}: only active forms can be used in ads.`,
        ),
      );
    if (!draft.ad.imageHash && !draft.ad.imageBase64)
      findings.push(finding('image_required', 'ad.imageBase64', 'The ad needs an image: upload one or pick one from the ad account.'));

    const [holders, settings] = await Promise.all([
      account ? this.objects.budgetHolders(organisationId, account.adAccountId) : Promise.resolve([]),
      this.settings.get(organisationId),
    ]);
    const verdict = checkLeadCampaignDraft(draft, {
      holders,
      dailyBudgetCeilingMinor: settings.dailyBudgetCeilingMinor,
      currency: account?.currency ?? '',
      now,
    });
    return { ...verdict, findings: [...findings, ...verdict.findings], account: account?.isActive ? account : null };
  }
}
