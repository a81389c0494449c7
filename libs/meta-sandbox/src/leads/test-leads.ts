import type { GraphContext } from '../core/graph-context';
import type { LeadFormRecord } from '../world/types';
import { GraphError } from '../core/graph-error';
import { GraphErrors } from '../core/graph-errors';
import { storeLead, testLead } from './lead-factory';

function parseJsonArray<T>(raw: string | undefined, name: string): T[] | undefined {
  if (raw === undefined || raw === '') return undefined;
  try {
    const parsed = JSON.parse(raw);
    if (Array.isArray(parsed)) return parsed as T[];
  } catch {
    // fall through to the error below
  }
  throw GraphErrors.invalidParameter(`Param ${name} must be a JSON-encoded array`);
}

/**
 * `POST /{form-id}/test_leads` (https://developers.facebook.com/docs/graph-api/reference/lead-gen-data/test_leads/): one
 * test lead per form at a time; delete it to create another. The caller is the one who submitted it.
 * Like the Lead Ads Testing Tool, it fires the `leadgen` webhook (whether API-created ones do is unconfirmed).
 */
export function createTestLead(ctx: GraphContext, form: LeadFormRecord): { id: string } {
  const existing = [...ctx.world.leads.values()].find((lead) => lead.formId === form.id && lead.isTest);
  if (existing) {
    throw new GraphError({
      code: 100,
      message: '(#100) There is already a test lead for this form. Delete it before creating a new one.',
      userTitle: 'Test lead already exists',
      userMessage: `Delete test lead ${existing.id} before creating another one for this form.`,
    });
  }
  const fieldData = parseJsonArray<{ name: string; values: string[] }>(ctx.params['field_data'], 'field_data') ?? [];
  for (const field of fieldData) {
    if (typeof field?.name !== 'string' || !Array.isArray(field.values)) {
      throw GraphErrors.invalidParameter('Each field_data entry needs a name and an array of values');
    }
    if (!form.questions.some((question) => question.key === field.name)) {
      throw GraphErrors.invalidParameter(`field_data name ${field.name} is not a question of this form`);
    }
  }
  const disclaimers = parseJsonArray<{ checkbox_key: string; is_checked: string }>(
    ctx.params['custom_disclaimer_responses'],
    'custom_disclaimer_responses',
  );
  const submittedBy = ctx.identity?.user?.id ?? ctx.identity?.systemUser?.id;
  const answers = fieldData.map((f) => ({ name: f.name, values: f.values.map(String) }));
  const lead = testLead(ctx.world, form, ctx.runtime.clock.now(), answers, disclaimers, submittedBy);
  storeLead(ctx.world, lead);
  ctx.runtime.events.emit('lead.created', lead);
  return { id: lead.id };
}
