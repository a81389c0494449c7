import type { CreateLeadCampaignRequest, GuardrailFinding } from '@legeai/contracts';
import { activeDailyBudgetMinor, dailyCeilingFinding, type BudgetHolder } from './budget-guardrails';
import { specialCategoriesFor, type SpecialCategoryChoice } from './financial-category';
import { financialTargetingFindings } from './targeting-guardrails';

export interface DraftContext {
  /** The account's objects that may spend daily (from the mirror). */
  holders: readonly BudgetHolder[];
  dailyBudgetCeilingMinor: number | null;
  currency: string;
  now: Date;
}

export interface DraftVerdict extends SpecialCategoryChoice {
  findings: GuardrailFinding[];
}

/**
 * Every guardrail a lead campaign draft is checked against, in the console while it is filled in and again on submit:
 * the special ad category the product sets from the targeted countries, what that category forbids in the audience,
 * the schedule, and the organisation's daily ceiling. Pure.
 */
export function checkLeadCampaignDraft(draft: CreateLeadCampaignRequest, ctx: DraftContext): DraftVerdict {
  const categories = specialCategoriesFor(draft.adSet.targeting.countries);
  const findings: GuardrailFinding[] = [];
  if (categories.specialAdCategories.length > 0) findings.push(...financialTargetingFindings(draft.adSet.targeting));
  findings.push(...scheduleFindings(draft, ctx.now));
  const budget = draft.adSet.budget;
  if (budget.type === 'daily') {
    // The new campaign counts as if it ran: created paused, it is one toggle away from spending.
    const total = activeDailyBudgetMinor(ctx.holders) + budget.amountMinor;
    const ceiling = dailyCeilingFinding(ctx.dailyBudgetCeilingMinor, total, 'adSet.budget.amountMinor', ctx.currency);
    if (ceiling) findings.push(ceiling);
  }
  return { ...categories, findings };
}

function scheduleFindings(draft: CreateLeadCampaignRequest, now: Date): GuardrailFinding[] {
  const findings: GuardrailFinding[] = [];
  const { startTime, endTime, budget } = draft.adSet;
  const start = startTime ? new Date(startTime) : now;
  const end = endTime ? new Date(endTime) : null;
  if (budget.type === 'lifetime' && !end) {
    findings.push({
      code: 'lifetime_needs_end',
      severity: 'error',
      field: 'adSet.endTime',
      message: 'A lifetime budget is spent over the schedule: set an end date.',
    });
  }
  if (end && end.getTime() <= now.getTime()) {
    findings.push({ code: 'schedule_past', severity: 'error', field: 'adSet.endTime', message: 'The end date must be in the future.' });
  } else if (end && end.getTime() <= start.getTime()) {
    findings.push({
      code: 'schedule_order',
      severity: 'error',
      field: 'adSet.endTime',
      message: 'The end date must be after the start date.',
    });
  }
  return findings;
}
