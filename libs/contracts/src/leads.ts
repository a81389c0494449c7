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

/** One answer of a lead form as received (multi-select answers keep every value). */
export interface LeadAnswerDto {
  name: string;
  values: string[];
}

export interface LeadConsentDto {
  checkboxKey: string;
  isChecked: boolean;
}

/** A row of the leads table. */
export interface LeadSummaryDto {
  id: string;
  fullName: string | null;
  email: string | null;
  phone: string | null;
  phoneE164: string | null;
  status: LeadStatus;
  source: LeadSource;
  formId: string | null;
  formName: string | null;
  campaignId: string | null;
  campaignName: string | null;
  isOrganic: boolean;
  isTest: boolean;
  /** The earlier lead this one duplicates, when person-level matching linked it. */
  duplicateOfId: string | null;
  duplicateRule: string | null;
  needsReview: boolean;
  premiumValue: string | null;
  premiumCurrency: string | null;
  receivedAt: string;
}

/** The detail drawer: everything about one lead. */
export interface LeadDetailDto extends LeadSummaryDto {
  firstName: string | null;
  lastName: string | null;
  emailNormalized: string | null;
  streetAddress: string | null;
  city: string | null;
  state: string | null;
  zipCode: string | null;
  country: string | null;
  dateOfBirth: string | null;
  productInterest: string | null;
  rawAnswers: LeadAnswerDto[];
  consentResponses: LeadConsentDto[];
  attribution: {
    pageId: string | null;
    formId: string | null;
    adId: string | null;
    adName: string | null;
    adsetId: string | null;
    adsetName: string | null;
    campaignId: string | null;
    campaignName: string | null;
    platform: string | null;
    isOrganic: boolean;
    isTest: boolean;
    /** Meta's leadgen id, when the lead came from Meta. */
    metaLeadId: string | null;
  };
  reviewReason: string | null;
  statusChangedAt: string;
  createdAt: string;
  updatedAt: string;
}

/** `GET /v1/leads` query (also the CSV export's filters). */
export interface LeadListQuery {
  /** Free text over name, email and phone. */
  q?: string;
  status?: LeadStatus;
  formId?: string;
  campaignId?: string;
  /** `true`: only leads linked as duplicates; `false`: only originals. */
  duplicate?: boolean;
  needsReview?: boolean;
  /** Include test leads (left out by default). */
  includeTest?: boolean;
  /** ISO-8601 bounds on receivedAt. */
  from?: string;
  to?: string;
  sort?: 'receivedAt' | '-receivedAt';
  limit?: number;
  offset?: number;
}

/** `PATCH /v1/leads/{id}/status`. The lead's current status with another premium corrects the premium. */
export interface UpdateLeadStatusRequest {
  status: LeadStatus;
  /** Annual premium as a decimal string, e.g. "1249.50"; meaningful from `quoted` on. */
  premiumValue?: string;
  premiumCurrency?: string;
}

/** Allowed moves in the pipeline: forward one or more steps, to lost from any open state, and reopen lost → new. */
export const LEAD_STATUS_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  [LeadStatus.New]: [LeadStatus.Contacted, LeadStatus.Qualified, LeadStatus.Quoted, LeadStatus.Won, LeadStatus.Lost],
  [LeadStatus.Contacted]: [LeadStatus.Qualified, LeadStatus.Quoted, LeadStatus.Won, LeadStatus.Lost],
  [LeadStatus.Qualified]: [LeadStatus.Quoted, LeadStatus.Won, LeadStatus.Lost],
  [LeadStatus.Quoted]: [LeadStatus.Won, LeadStatus.Lost],
  [LeadStatus.Won]: [],
  [LeadStatus.Lost]: [LeadStatus.New],
};
