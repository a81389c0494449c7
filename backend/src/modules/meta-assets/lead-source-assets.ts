import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { MetaLeadForm } from './entities/meta-lead-form.entity';
import { MetaPage } from './entities/meta-page.entity';
import type { LeadFormLegalContent } from './lead-form-legal-content';

/** A form question as Meta describes it (`questions` of the leadgen form). */
export interface LeadFormQuestion {
  key: string;
  label: string | null;
  type: string | null;
}

/** What the lead store shows of the form a lead came from. */
export interface LeadFormFacts {
  formId: string;
  name: string | null;
  locale: string | null;
  questions: LeadFormQuestion[];
  legalContent: LeadFormLegalContent | null;
}

/**
 * The ad assets behind a lead, for the lead store: its form (questions, language, legal content), its Page's name,
 * and the currency of the ad accounts its Page's leads are bought with. Reads meta-assets' own tables.
 */
@Injectable()
export class LeadSourceAssets {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forms(organisationId: string, formIds: readonly string[], m: EntityManager = this.db.manager): Promise<Map<string, LeadFormFacts>> {
    if (formIds.length === 0) return new Map();
    const rows = await m.getRepository(MetaLeadForm).find({ where: { organisationId, formId: In([...formIds]) } });
    return new Map(rows.map((form) => [form.formId, toFacts(form)]));
  }

  /** Meta Page id → the Page's name, for the Pages among `pageIds` the organisation has. */
  async pageNames(organisationId: string, pageIds: readonly string[], m: EntityManager = this.db.manager): Promise<Map<string, string>> {
    if (pageIds.length === 0) return new Map();
    const rows = await m.getRepository(MetaPage).find({
      where: { organisationId, pageId: In([...pageIds]) },
      select: { pageId: true, pageName: true },
    });
    return new Map(rows.filter((p) => p.pageName).map((p) => [p.pageId, p.pageName!]));
  }

  /**
   * The currency of the ad accounts that go with a Page: those of the Page's business, or, when Meta did not say
   * which business the Page is in, all the organisation's active ad accounts. Only one currency among them is an
   * answer; none or several (an agency buying in USD and CAD) is null, and the organisation's default decides.
   */
  async currencyForPage(organisationId: string, metaPageId: string | null, m: EntityManager = this.db.manager): Promise<string | null> {
    const rows = await m.query<{ currency: string }[]>(
      `SELECT DISTINCT upper(a.currency) AS currency
         FROM meta_ad_accounts a
        WHERE a.organisation_id = $1 AND a.is_active AND a.currency IS NOT NULL
          AND (a.business_id = (SELECT p.business_id FROM meta_pages p WHERE p.organisation_id = $1 AND p.page_id = $2)
               OR (SELECT p.business_id FROM meta_pages p WHERE p.organisation_id = $1 AND p.page_id = $2) IS NULL)
        LIMIT 2`,
      [organisationId, metaPageId],
    );
    return rows.length === 1 ? rows[0].currency : null;
  }
}

function toFacts(form: MetaLeadForm): LeadFormFacts {
  return {
    formId: form.formId,
    name: form.formName,
    locale: form.locale,
    questions: (form.questions ?? []).flatMap((q) => {
      const question = q as { key?: unknown; label?: unknown; type?: unknown };
      if (typeof question.key !== 'string') return [];
      return [
        {
          key: question.key,
          label: typeof question.label === 'string' && question.label.trim() ? question.label : null,
          type: typeof question.type === 'string' ? question.type : null,
        },
      ];
    }),
    legalContent: form.legalContent,
  };
}
