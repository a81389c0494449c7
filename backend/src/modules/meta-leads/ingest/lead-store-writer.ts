import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { leadsConfig } from '../../../config/leads.config';
import { LeadStoreRepository, type LeadClaim } from '../../leads';
import { parseGraphTime } from '../graph/graph-time';
import { mapClaimedLead, storableTogether, type MappedClaim } from './claimed-lead-mapping';
import type { IngestInput, IngestResult } from './lead-ingest.types';

/**
 * What storing a lead decides inside the storing transaction (`tx`), through the lead store's repository: claim the
 * Meta lead id, map it when the claim is ours, lock the person, store it (or answer the lead stored before). The
 * transaction itself is the caller's (LeadIngestService).
 */
@Injectable()
export class LeadStoreWriter {
  constructor(
    private readonly store: LeadStoreRepository,
    @Inject(leadsConfig.KEY) private readonly leads: Pick<ConfigType<typeof leadsConfig>, 'defaultCountry' | 'duplicateWindowDays'>,
  ) {}

  /** One lead: three statements when new (claim, person locks, store), two when already stored. */
  async storeOne(tx: EntityManager, input: IngestInput): Promise<IngestResult> {
    const claim = await this.store.claim(tx, claimOf(input));
    if (!claim.claimedId) return this.existing(tx, input);
    const mapped = this.map(input, claim);
    await this.store.lockPersons(tx, [mapped.lockKeys]);
    return this.storeMapped(tx, mapped);
  }

  /**
   * A group (sorted by the caller): one statement claims every Meta lead id, one takes every person lock, one stores
   * the claimed leads of distinct persons; the leads sharing a person with another of the group are stored one by
   * one, in order, so a later one sees an earlier one. Answers each lead's result, in the group's order.
   */
  async storeGroup(tx: EntityManager, inputs: IngestInput[]): Promise<IngestResult[]> {
    const claims = await this.store.claimAll(tx, inputs.map(claimOf));
    const mapped = inputs.map((input, i) => (claims[i].claimedId ? this.map(input, claims[i]) : null));
    await this.store.lockPersons(
      tx,
      mapped.map((m) => m?.lockKeys ?? []),
    );
    const alone = storableTogether(mapped);
    const results: IngestResult[] = new Array<IngestResult>(inputs.length);
    const together = mapped.flatMap((m, i) => (alone[i] && m ? [{ i, m }] : []));
    if (together.length) {
      const stored = await this.store.insertAll(
        tx,
        together.map(({ m }) => m.lead),
      );
      together.forEach(({ i, m }, j) => (results[i] = { outcome: 'created', ...stored[j], mappedAt: m.mappedAt }));
    }
    for (const [i, input] of inputs.entries()) {
      if (alone[i]) continue;
      const m = mapped[i];
      results[i] = m ? await this.storeMapped(tx, m) : await this.existing(tx, input);
    }
    return results;
  }

  private map(input: IngestInput, claim: Parameters<typeof mapClaimedLead>[1]): MappedClaim {
    return mapClaimedLead(input, claim, { defaultCountry: this.leads.defaultCountry, duplicateWindowDays: this.leads.duplicateWindowDays });
  }

  private async storeMapped(tx: EntityManager, m: MappedClaim): Promise<IngestResult> {
    const stored = await this.store.insert(tx, m.lead);
    return { outcome: 'created', leadId: stored.leadId, duplicateOfId: stored.duplicateOfId, mappedAt: m.mappedAt };
  }

  private async existing(tx: EntityManager, { organisationId, graphLead }: IngestInput): Promise<IngestResult> {
    const mappedAt = new Date();
    const found = await this.store.findStored(tx, organisationId, graphLead.id);
    if (!found) throw new Error(`Meta lead ${graphLead.id} is claimed but has no stored lead`);
    return { outcome: 'existing', ...found, mappedAt };
  }
}

function claimOf({ organisationId, graphLead, source }: IngestInput): LeadClaim {
  return {
    organisationId,
    metaLeadId: graphLead.id,
    formId: graphLead.form_id ?? null,
    source,
    createdTime: parseGraphTime(graphLead.created_time),
  };
}
