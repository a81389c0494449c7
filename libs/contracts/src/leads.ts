/** Status pipeline of a lead in the LEGEAI lead store. */
export enum LeadStatus {
  New = 'new',
  Contacted = 'contacted',
  Qualified = 'qualified',
  Quoted = 'quoted',
  Won = 'won',
  Lost = 'lost',
}

export const LEAD_STATUSES: readonly LeadStatus[] = Object.values(LeadStatus);

/** Where a lead came from. */
export enum LeadSource {
  MetaLeadAds = 'meta_lead_ads',
  Manual = 'manual',
  Api = 'api',
}
