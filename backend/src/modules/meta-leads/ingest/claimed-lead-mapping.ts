import { LeadSource } from '@legeai/contracts';
import { duplicateRuleOf, normalizePersonName, type ClaimedLead, type NewLead } from '../../leads';
import { parseGraphTime } from '../graph/graph-time';
import type { FormMapping } from '../mapping/form-mapping';
import { mapGraphLead, type MappedLead } from '../mapping/lead-mapper';
import type { IngestInput } from './lead-ingest.types';
import { readCustomFields } from '../mapping/custom-field-targets';
import { personLockKeys } from './person-lock-keys';

/** A claimed lead, mapped: its row for the store and the person locks it takes. */
export interface MappedClaim {
  mapped: MappedLead;
  lead: NewLead;
  lockKeys: string[];
  mappedAt: Date;
}

/** Maps a claimed lead's answers with its form's mapping (in memory) into the row the store inserts. */
export function mapClaimedLead(
  input: IngestInput,
  claim: ClaimedLead,
  opts: { defaultCountry: string; duplicateWindowDays: number },
): MappedClaim {
  const mapped = mapGraphLead(
    input.graphLead,
    {
      formId: input.graphLead.form_id ?? '',
      pageId: input.pageId,
      questions: claim.questions ?? [],
      mapping: (claim.mapping as FormMapping | null) ?? null,
      customFields: readCustomFields(claim.customFields),
    },
    { defaultCountry: opts.defaultCountry },
  );
  const nameNormalized = normalizePersonName(mapped.lead.fullName, mapped.lead.firstName, mapped.lead.lastName);
  const person = { emailNormalized: mapped.lead.emailNormalized ?? null, phoneE164: mapped.lead.phoneE164 ?? null, nameNormalized };
  const receivedAt = mapped.lead.receivedAt ?? parseGraphTime(input.graphLead.created_time) ?? new Date();
  const missing = mapped.missingRequired;
  const lead: NewLead = {
    organisationId: input.organisationId,
    metaLeadId: input.graphLead.id,
    receivedAt,
    person,
    duplicateRule: duplicateRuleOf(claim.duplicateSettings ?? null, opts.duplicateWindowDays),
    values: {
      ...mapped.lead,
      nameNormalized,
      organisationId: input.organisationId,
      source: LeadSource.MetaLeadAds,
      receivedAt,
      needsReview: mapped.lead.needsReview ?? missing.length > 0,
      reviewReason: mapped.lead.reviewReason ?? (missing.length ? `Missing required fields: ${missing.join(', ')}` : null),
    },
  };
  return { mapped, lead, lockKeys: personLockKeys(input.organisationId, person), mappedAt: new Date() };
}

/**
 * Which claimed leads of a group share no person key with another lead of it: those cannot be the earlier lead of
 * one, so they are stored together; the others one by one, in order, each seeing the ones before it.
 */
export function storableTogether(mapped: (MappedClaim | null)[]): boolean[] {
  const keyUses = new Map<string, number>();
  for (const m of mapped) for (const k of m?.lockKeys ?? []) keyUses.set(k, (keyUses.get(k) ?? 0) + 1);
  return mapped.map((m) => !!m && m.lockKeys.every((k) => keyUses.get(k) === 1));
}
