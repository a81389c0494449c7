import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { LeadFieldValue, LeadSource, LeadStatus } from '@legeai/contracts';

/** One answer of a lead form, as Meta sends it in `field_data`. */
export interface LeadAnswer {
  name: string;
  values: string[];
}

/** A consent checkbox of a lead form (`custom_disclaimer_responses`). */
export interface ConsentResponse {
  checkboxKey: string;
  isChecked: boolean;
}

/** numeric columns come back from pg as strings; keep them exact rather than floating. */
const decimalString = { to: (v: string | null) => v, from: (v: string | null) => v };

/** A lead in the LEGEAI lead store, from Meta or entered by hand, with its sales pipeline state. */
@Entity({ name: 'leads' })
@Index('ix_leads_org_received_id', ['organisationId', 'receivedAt', 'id'])
@Index('ix_leads_org_status_received', ['organisationId', 'status', 'receivedAt', 'id'])
@Index('ix_leads_org_email', ['organisationId', 'emailNormalized'])
@Index('ix_leads_org_phone', ['organisationId', 'phoneE164'])
@Index('ix_leads_org_form_received', ['organisationId', 'formId', 'receivedAt', 'id'])
@Index('ix_leads_org_campaign_received', ['organisationId', 'campaignId', 'receivedAt', 'id'])
export class Lead {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;

  // --- contact ----------------------------------------------------------------------------------------------------
  @Column({ name: 'first_name', type: 'varchar', length: 100, nullable: true }) firstName!: string | null;
  @Column({ name: 'last_name', type: 'varchar', length: 100, nullable: true }) lastName!: string | null;
  @Column({ name: 'full_name', type: 'varchar', length: 200, nullable: true }) fullName!: string | null;
  @Column({ name: 'email', type: 'varchar', length: 320, nullable: true }) email!: string | null;
  @Column({ name: 'phone', type: 'varchar', length: 50, nullable: true }) phone!: string | null;
  /** Lower-cased, trimmed email used for duplicate matching and search. */
  @Column({ name: 'email_normalized', type: 'varchar', length: 320, nullable: true }) emailNormalized!: string | null;
  /** The name the phone-and-name duplicate signal compares (`normalizePersonName`). */
  @Column({ name: 'name_normalized', type: 'varchar', length: 200, nullable: true }) nameNormalized!: string | null;
  /** Phone in E.164 (`+15551234567`), or null when it could not be parsed. */
  @Column({ name: 'phone_e164', type: 'varchar', length: 20, nullable: true }) phoneE164!: string | null;
  @Column({ name: 'street_address', type: 'varchar', length: 255, nullable: true }) streetAddress!: string | null;
  @Column({ name: 'city', type: 'varchar', length: 120, nullable: true }) city!: string | null;
  @Column({ name: 'state', type: 'varchar', length: 120, nullable: true }) state!: string | null;
  @Column({ name: 'zip_code', type: 'varchar', length: 20, nullable: true }) zipCode!: string | null;
  @Column({ name: 'country', type: 'varchar', length: 2, nullable: true }) country!: string | null;
  @Column({ name: 'date_of_birth', type: 'date', nullable: true }) dateOfBirth!: string | null;
  /** The insurance product the lead asked about, when the form says. */
  @Column({ name: 'product_interest', type: 'varchar', length: 100, nullable: true }) productInterest!: string | null;

  // --- what the form received -------------------------------------------------------------------------------------
  @Column({ name: 'raw_answers', type: 'jsonb', default: () => `'[]'` }) rawAnswers!: LeadAnswer[];
  @Column({ name: 'consent_responses', type: 'jsonb', default: () => `'[]'` }) consentResponses!: ConsentResponse[];
  /** The organisation's custom fields (lead_field_definitions), by key: typed values (text, number, ISO date, option keys). */
  @Column({ name: 'custom_fields', type: 'jsonb', default: () => `'{}'` }) customFields!: Record<string, LeadFieldValue>;

  // --- source and attribution -------------------------------------------------------------------------------------
  @Column({ name: 'source', type: 'enum', enum: LeadSource, enumName: 'lead_source', default: LeadSource.Manual })
  source!: LeadSource;
  @Column({ name: 'page_id', type: 'varchar', length: 100, nullable: true }) pageId!: string | null;
  @Column({ name: 'form_id', type: 'varchar', length: 100, nullable: true }) formId!: string | null;
  @Column({ name: 'ad_id', type: 'varchar', length: 100, nullable: true }) adId!: string | null;
  @Column({ name: 'ad_name', type: 'varchar', length: 255, nullable: true }) adName!: string | null;
  @Column({ name: 'adset_id', type: 'varchar', length: 100, nullable: true }) adsetId!: string | null;
  @Column({ name: 'adset_name', type: 'varchar', length: 255, nullable: true }) adsetName!: string | null;
  @Column({ name: 'campaign_id', type: 'varchar', length: 100, nullable: true }) campaignId!: string | null;
  @Column({ name: 'campaign_name', type: 'varchar', length: 255, nullable: true }) campaignName!: string | null;
  /** `fb` or `ig`, as Meta reports the placement. */
  @Column({ name: 'platform', type: 'varchar', length: 20, nullable: true }) platform!: string | null;
  @Column({ name: 'is_organic', type: 'boolean', default: false }) isOrganic!: boolean;
  /** Created with Meta's lead ads testing tool; kept out of reports. */
  @Column({ name: 'is_test', type: 'boolean', default: false }) isTest!: boolean;

  // --- pipeline ---------------------------------------------------------------------------------------------------
  @Column({ name: 'status', type: 'enum', enum: LeadStatus, enumName: 'lead_status', default: LeadStatus.New })
  status!: LeadStatus;
  @Column({ name: 'status_changed_at', type: 'timestamptz', default: () => 'now()' }) statusChangedAt!: Date;
  /** Annual premium of the quote or policy, exact decimal as a string. */
  @Column({ name: 'premium_value', type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: decimalString })
  premiumValue!: string | null;
  @Column({ name: 'premium_currency', type: 'char', length: 3, nullable: true }) premiumCurrency!: string | null;

  // --- duplicates and review --------------------------------------------------------------------------------------
  /** The earlier lead this one duplicates, and the rule that matched (e.g. `email`, `phone`). */
  @Column({ name: 'duplicate_of_id', type: 'uuid', nullable: true }) duplicateOfId!: string | null;
  @Column({ name: 'duplicate_rule', type: 'varchar', length: 50, nullable: true }) duplicateRule!: string | null;
  /** The link is a possible duplicate an agent has still to confirm or dismiss (false for a duplicate). */
  @Column({ name: 'possible_duplicate', type: 'boolean', default: false }) possibleDuplicate!: boolean;
  @Column({ name: 'needs_review', type: 'boolean', default: false }) needsReview!: boolean;
  @Column({ name: 'review_reason', type: 'text', nullable: true }) reviewReason!: string | null;

  /** When the person submitted the form (Meta's created_time), or when the lead was entered. */
  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' }) receivedAt!: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
