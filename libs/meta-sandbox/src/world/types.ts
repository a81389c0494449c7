/**
 * The records the sandbox world holds. Field names follow our own conventions; node types map them to Graph
 * field names (snake_case) when rendering.
 */
export type TokenType = 'USER' | 'PAGE' | 'APP' | 'SYSTEM_USER';

export interface AppRecord {
  id: string;
  name: string;
  secret: string;
  /** Valid OAuth redirect URIs; the dialog requires an exact match (Strict Mode). */
  redirectUris: string[];
  /** "Require App Secret": calls with user and page tokens must carry appsecret_proof. */
  requireAppsecretProof: boolean;
  category: string;
  link: string;
}

export interface PageRole {
  pageId: string;
  tasks: string[];
}

export interface UserRecord {
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string;
  businessIds: string[];
  adAccountIds: string[];
  pageRoles: PageRole[];
}

export interface BusinessRecord {
  id: string;
  name: string;
  verificationStatus: string;
  createdTime: number;
}

export interface AdAccountRecord {
  /** Numeric id; the Graph id is `act_<accountId>`. */
  accountId: string;
  name: string;
  currency: string;
  timezoneName: string;
  accountStatus: number;
  disableReason: number;
  /** Money in minor units, as strings (notes §4.2). */
  amountSpent: string;
  spendCap: string;
  balance: string;
  minDailyBudget: number;
  businessId: string;
  createdTime: number;
}

export interface PageRecord {
  id: string;
  name: string;
  category: string;
  businessId: string;
  link: string;
  followersCount: number;
}

export interface QuestionOption {
  key: string;
  value: string;
}

export interface QuestionRecord {
  id: string;
  key: string;
  label: string;
  /** FULL_NAME, EMAIL, PHONE, CITY, ZIP, DATE_OF_BIRTH, CUSTOM, … */
  type: string;
  options?: QuestionOption[];
  /** Custom multiple-choice questions that accept several answers. */
  multiSelect?: boolean;
}

export interface DisclaimerCheckbox {
  key: string;
  text: string;
  isRequired: boolean;
  isCheckedByDefault: boolean;
}

export interface LeadFormRecord {
  id: string;
  pageId: string;
  name: string;
  status: 'ACTIVE' | 'ARCHIVED' | 'DELETED' | 'DRAFT';
  locale: string;
  createdTime: number;
  questions: QuestionRecord[];
  privacyPolicyUrl: string;
  privacyPolicyLinkText: string;
  followUpActionUrl: string;
  disclaimer?: { title: string; body: string; checkboxes: DisclaimerCheckbox[] };
  /** What a new lead for this form looks like: which product it is for (auto, home, life, health). */
  product: string;
}

/** The ad a lead came from. Ids are stable so Marketing API objects can be created with them later. */
export interface AdRef {
  adId: string;
  adName: string;
  adsetId: string;
  adsetName: string;
  campaignId: string;
  campaignName: string;
}

export interface LeadRecord {
  id: string;
  formId: string;
  pageId: string;
  createdTime: number;
  fieldData: { name: string; values: string[] }[];
  disclaimerResponses: { checkbox_key: string; is_checked: string }[];
  isOrganic: boolean;
  platform: 'fb' | 'ig';
  ad?: AdRef;
  isTest: boolean;
}

export type TokenInvalidation = 'password_changed' | 'logged_out' | 'deauthorized' | 'expired';

export interface GranularScope {
  scope: string;
  targetIds?: string[];
}

export interface TokenRecord {
  value: string;
  type: TokenType;
  appId: string;
  userId?: string;
  pageId?: string;
  scopes: string[];
  granularScopes: GranularScope[];
  /** Unix seconds. */
  issuedAt: number;
  /** Unix seconds; 0 = never. */
  expiresAt: number;
  /** Unix seconds; 0 = not applicable (app tokens). */
  dataAccessExpiresAt: number;
  longLived: boolean;
  invalidation?: TokenInvalidation;
}

/** What a user granted an app in the login dialog. */
export interface GrantRecord {
  appId: string;
  userId: string;
  granted: string[];
  declined: string[];
  granularScopes: GranularScope[];
}

export interface AuthCodeRecord {
  code: string;
  appId: string;
  userId: string;
  redirectUri: string;
  createdAt: number;
  used: boolean;
}

export interface AppSubscriptionRecord {
  object: string;
  callbackUrl: string;
  /** Kept for re-verification; never rendered. */
  verifyToken: string;
  fields: string[];
  includeValues: boolean;
  version: string;
  active: boolean;
}

export interface PageInstallRecord {
  appId: string;
  subscribedFields: string[];
}
