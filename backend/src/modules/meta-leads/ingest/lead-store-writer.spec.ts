import type { EntityManager } from 'typeorm';
import type { ClaimedLead, LeadClaim, LeadStoreRepository, NewLead, StoredDuplicateSettings, StoredLead } from '../../leads';
import type { GraphLead } from '../graph/graph-lead';
import type { IngestInput } from './lead-ingest.types';
import { LeadStoreWriter } from './lead-store-writer';

const tx = {} as EntityManager;
const ORG = '00000000-0000-4000-8000-000000000001';

/** A lead store in memory: claims are unique per organisation and Meta lead id, like meta_lead_mappings. */
class FakeLeadStore implements Pick<LeadStoreRepository, 'claim' | 'claimAll' | 'lockPersons' | 'insert' | 'insertAll' | 'findStored'> {
  claimed = new Map<string, string | null>();
  locks: string[][] = [];
  inserts: NewLead[][] = [];
  private next = 0;
  settings: StoredDuplicateSettings | null = null;

  async claim(_tx: EntityManager, c: LeadClaim): Promise<ClaimedLead> {
    const key = `${c.organisationId}:${c.metaLeadId}`;
    if (this.claimed.has(key)) return { claimedId: null, questions: [], mapping: null, duplicateSettings: this.settings };
    this.claimed.set(key, null);
    return { claimedId: `claim-${key}`, questions: [], mapping: null, duplicateSettings: this.settings };
  }
  async claimAll(t: EntityManager, cs: LeadClaim[]): Promise<ClaimedLead[]> {
    const out: ClaimedLead[] = [];
    for (const c of cs) out.push(await this.claim(t, c));
    return out;
  }
  async lockPersons(_tx: EntityManager, keySets: string[][]): Promise<void> {
    this.locks.push(keySets.flat());
  }
  async insert(t: EntityManager, lead: NewLead): Promise<StoredLead> {
    return (await this.insertAll(t, [lead]))[0];
  }
  async insertAll(_tx: EntityManager, leads: NewLead[]): Promise<StoredLead[]> {
    this.inserts.push(leads);
    return leads.map((lead) => {
      const leadId = `lead-${++this.next}`;
      this.claimed.set(`${lead.organisationId}:${lead.metaLeadId}`, leadId);
      return { leadId, duplicateOfId: null };
    });
  }
  async findStored(_tx: EntityManager, organisationId: string, metaLeadId: string): Promise<StoredLead | null> {
    const leadId = this.claimed.get(`${organisationId}:${metaLeadId}`);
    return leadId ? { leadId, duplicateOfId: 'earlier' } : null;
  }
}

const graphLead = (id: string, email: string): GraphLead => ({
  id,
  created_time: '2026-12-01T10:00:00+0000',
  form_id: 'form-1',
  field_data: [
    { name: 'email', values: [email] },
    { name: 'full_name', values: ['Ana Pop'] },
  ],
});
const input = (id: string, email: string): IngestInput => ({
  organisationId: ORG,
  graphLead: graphLead(id, email),
  pageId: 'page-1',
  source: 'webhook',
});

describe(LeadStoreWriter.name, () => {
  let store: FakeLeadStore;
  let writer: LeadStoreWriter;
  beforeEach(() => {
    store = new FakeLeadStore();
    writer = new LeadStoreWriter(store as unknown as LeadStoreRepository, { defaultCountry: 'RO', duplicateWindowDays: 30 });
  });

  it('stores a newly claimed lead, mapped, after taking its person lock', async () => {
    const result = await writer.storeOne(tx, input('m1', 'Ana@Example.com'));
    expect(result).toMatchObject({ outcome: 'created', leadId: 'lead-1', duplicateOfId: null });
    expect(store.locks).toEqual([[`lead-person:${ORG}:email:ana@example.com`]]);
    const [[row]] = store.inserts;
    expect(row).toMatchObject({ organisationId: ORG, metaLeadId: 'm1', person: { emailNormalized: 'ana@example.com' } });
    expect(row.values).toMatchObject({ organisationId: ORG, source: 'meta_lead_ads', receivedAt: new Date('2026-12-01T10:00:00Z') });
  });

  it("matches by the organisation's rule read with the claim, else the default rule with the configured window", async () => {
    await writer.storeOne(tx, input('m1', 'ana@example.com'));
    store.settings = { email: 'possible', phoneAndName: 'ignore', phoneOnly: 'ignore', windowDays: 7 };
    await writer.storeOne(tx, input('m2', 'ana@example.com'));
    const [[byDefault], [byOrganisation]] = store.inserts;
    expect(byDefault.duplicateRule).toEqual({ email: 'duplicate', phoneAndName: 'duplicate', phoneOnly: 'possible', windowDays: 30 });
    expect(byOrganisation.duplicateRule).toEqual(store.settings);
    // The name the phone-and-name signal compares is stored with the lead, folded.
    expect(byDefault.person.nameNormalized).toBe('ana pop');
    expect(byDefault.values).toMatchObject({ nameNormalized: 'ana pop' });
  });

  it('answers the lead stored before for a Meta lead already claimed, writing nothing', async () => {
    await writer.storeOne(tx, input('m1', 'ana@example.com'));
    const again = await writer.storeOne(tx, input('m1', 'ana@example.com'));
    expect(again).toMatchObject({ outcome: 'existing', leadId: 'lead-1', duplicateOfId: 'earlier' });
    expect(store.inserts).toHaveLength(1);
  });

  it('refuses a claim without a stored lead (a broken store) instead of inventing one', async () => {
    store.claimed.set(`${ORG}:m9`, null);
    await expect(writer.storeOne(tx, input('m9', 'x@example.com'))).rejects.toThrow('Meta lead m9 is claimed but has no stored lead');
  });

  it('stores the distinct persons of a group in one insert and the ones sharing a person one by one, in order', async () => {
    const results = await writer.storeGroup(tx, [
      input('m1', 'ana@example.com'),
      input('m2', 'bob@example.com'),
      input('m3', 'ana@example.com'),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['created', 'created', 'created']);
    expect(store.inserts.map((batch) => batch.map((lead) => lead.metaLeadId))).toEqual([['m2'], ['m1'], ['m3']]);
    expect(store.locks).toHaveLength(1);
  });

  it('answers the existing lead for the members of a group claimed before', async () => {
    await writer.storeOne(tx, input('m1', 'ana@example.com'));
    const results = await writer.storeGroup(tx, [input('m1', 'ana@example.com'), input('m2', 'bob@example.com')]);
    expect(results).toMatchObject([
      { outcome: 'existing', leadId: 'lead-1' },
      { outcome: 'created', leadId: 'lead-2' },
    ]);
  });
});
