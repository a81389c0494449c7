/**
 * The records the sandbox world holds. Field names follow our own conventions; node types map them to Graph
 * field names (snake_case) when rendering.
 */
export type TokenType = 'USER' | 'PAGE' | 'APP' | 'SYSTEM_USER';

/** App Dashboard → App Mode: in development only people with a role on the app use it. */
export type AppMode = 'live' | 'development';

/** Roles on the app, as `/{app-id}/roles` names them. */
export type AppRoleName = 'administrators' | 'developers' | 'testers';

export interface AppRole {
  userId: string;
  role: AppRoleName;
}

/**
 * App Review access level of a permission: Standard Access works only for people with a role on the app, Advanced
 * Access for everyone (https://developers.facebook.com/docs/graph-api/overview/access-levels).
 */
export type PermissionAccess = 'standard' | 'advanced';

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
  mode: AppMode;
  roles: AppRole[];
  /** Access level per permission; a permission not listed has Advanced Access. */
  permissionAccess: Record<string, PermissionAccess>;
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

/**
 * A Business Integration System User: created in the client's business when it installs the app through a Facebook
 * Login for Business configuration with system user tokens, and holding the assets chosen in the dialog
 * (https://developers.facebook.com/docs/facebook-login/facebook-login-for-business).
 */
export interface SystemUserRecord {
  id: string;
  name: string;
  appId: string;
  /** The client business the system user belongs to. */
  businessId: string;
  businessIds: string[];
  adAccountIds: string[];
  pageRoles: PageRole[];
  createdTime: number;
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
  /** Money in minor units, as strings (https://developers.facebook.com/docs/marketing-api/reference/ad-account). */
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
  /** Facebook user who submitted the form, when it is someone the sandbox knows (an app tester); else a stranger. */
  submittedBy?: string;
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
  /** Set for business integration system user tokens and the Page tokens taken with them. */
  systemUserId?: string;
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
  /** The person; for a system user token, the system user the grant was made for. */
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
  /** Facebook Login for Business with system user tokens: the code is exchanged for this system user's token. */
  systemUserId?: string;
  /** Seconds a system user token lives; 0 = never expires. */
  systemUserTokenSeconds?: number;
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
