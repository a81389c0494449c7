import type { NodeTypeSpec } from '../core/graph-registry';
import type { LeadFormRecord, PageRecord } from '../world/types';
import { graphTime } from '../core/clock';
import { LEAD_ACCESS, canSeePageLeads, leadReader, leadgenUsage } from './lead-access';
import { isExpired, leadsOfForm } from './lead-retention';
import { applyLeadFiltering, parseLeadFiltering } from './lead-filtering';
import { createTestLead } from './test-leads';

/** A lead form (https://developers.facebook.com/docs/marketing-api/reference/leadgen-form), with its leads and test leads. */
export const leadFormNode: NodeTypeSpec<LeadFormRecord> = {
  type: 'LeadgenForm',
  load: (id, world) => world.forms.get(id),
  idOf: (form) => form.id,
  visible: (form, ctx) => canSeePageLeads(ctx, form.pageId),
  access: { ...LEAD_ACCESS, permissions: undefined, anyPermission: ['leads_retrieval', 'pages_manage_ads'] },
  usage: (form) => leadgenUsage(form.pageId),
  defaultFields: ['id', 'locale', 'name', 'status'],
  fields: {
    id: (form) => form.id,
    name: (form) => form.name,
    status: (form) => form.status,
    locale: (form) => form.locale,
    created_time: (form) => graphTime(form.createdTime),
    page_id: (form) => form.pageId,
    page: { nodeType: 'PageRef', get: (form, ctx) => ctx.world.pages.get(form.pageId) },
    leads_count: (form, ctx) => leadsOfForm(ctx.world, form.id).filter((lead) => !isExpired(lead, ctx.runtime.clock.now())).length,
    organic_leads_count: (form, ctx) =>
      leadsOfForm(ctx.world, form.id).filter((lead) => lead.isOrganic && !isExpired(lead, ctx.runtime.clock.now())).length,
    expired_leads_count: (form, ctx) => leadsOfForm(ctx.world, form.id).filter((lead) => isExpired(lead, ctx.runtime.clock.now())).length,
    questions: (form) =>
      form.questions.map((question) => ({
        key: question.key,
        label: question.label,
        type: question.type,
        ...(question.options ? { options: question.options } : {}),
        id: question.id,
      })),
    privacy_policy_url: (form) => form.privacyPolicyUrl,
    privacy_policy: (form) => ({ url: form.privacyPolicyUrl, link_text: form.privacyPolicyLinkText }),
    follow_up_action_url: (form) => form.followUpActionUrl,
    // Meta's LeadGenLegalContent: the privacy policy every form has, and the custom disclaimer when the form adds one.
    legal_content: (form) => ({
      id: `${form.id}9`,
      privacy_policy: { url: form.privacyPolicyUrl, link_text: form.privacyPolicyLinkText },
      ...(form.disclaimer && {
        custom_disclaimer: {
          title: form.disclaimer.title,
          body: { text: form.disclaimer.body },
          checkboxes: form.disclaimer.checkboxes.map((box) => ({
            key: box.key,
            text: box.text,
            is_required: box.isRequired,
            is_checked_by_default: box.isCheckedByDefault,
          })),
        },
      }),
    }),
  },
  edges: {
    leads: {
      list: {
        access: LEAD_ACCESS,
        itemType: 'Lead',
        maxLimit: 500,
        items: (form, ctx) => {
          const now = ctx.runtime.clock.now();
          const readable = leadReader(ctx, form.pageId);
          const live = leadsOfForm(ctx.world, form.id).filter((lead) => !isExpired(lead, now) && readable(lead));
          return applyLeadFiltering(live, parseLeadFiltering(ctx.params['filtering']));
        },
      },
    },
    test_leads: {
      list: {
        access: LEAD_ACCESS,
        itemType: 'Lead',
        items: (form, ctx) => leadsOfForm(ctx.world, form.id).filter((lead) => lead.isTest),
      },
      create: { access: LEAD_ACCESS, handle: (ctx, form) => createTestLead(ctx, form) },
    },
  },
};

/** `page{id,name}` inside a form. */
export const pageRefNode: NodeTypeSpec<PageRecord> = {
  type: 'PageRef',
  load: () => undefined,
  idOf: (page) => page.id,
  defaultFields: ['id', 'name'],
  fields: { id: (page) => page.id, name: (page) => page.name },
};
