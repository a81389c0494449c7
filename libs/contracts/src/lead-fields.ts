/**
 * Custom lead fields: an organisation's own fields on its leads (vehicle year, coverage wanted, household size,
 * current carrier), defined at `/v1/lead-fields`, filled by a lead form's mapping or by hand, shown in the lead
 * drawer, filterable (`field.<key>=value`) and exported under their labels.
 */
export const LEAD_FIELD_TYPES = ['text', 'number', 'date', 'choice', 'multi_choice'] as const;
export type LeadFieldType = (typeof LEAD_FIELD_TYPES)[number];

/** The types whose values are picked among the field's options. */
export const CHOICE_LEAD_FIELD_TYPES: readonly LeadFieldType[] = ['choice', 'multi_choice'];

/** A custom field's key: lower case letters, digits and underscores, starting with a letter (`vehicle_year`). */
export const LEAD_FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
/** An option's key: the same alphabet, up to 60 characters, may start with a digit (`2024_2025`). */
export const LEAD_FIELD_OPTION_KEY_PATTERN = /^[a-z0-9][a-z0-9_]{0,59}$/;
export const LEAD_FIELD_MAX_OPTIONS = 100;
/** At most this many fields per organisation (archived ones included). */
export const LEAD_FIELDS_PER_ORGANISATION = 100;
/** The longest text value a custom field stores. */
export const LEAD_FIELD_TEXT_MAX_LENGTH = 500;

/** How a mapping target names a custom field: `custom:<key>` (a lead field name otherwise). */
export const CUSTOM_FIELD_TARGET_PREFIX = 'custom:';
export type CustomFieldTarget = `custom:${string}`;

export interface LeadFieldOptionDto {
  /** Stored on the lead; stable once used. */
  key: string;
  /** What people see. */
  label: string;
}

/** `GET /v1/lead-fields`: one field definition. */
export interface LeadFieldDefinitionDto {
  id: string;
  key: string;
  label: string;
  type: LeadFieldType;
  /** The choices of `choice` and `multi_choice` fields, in order; empty for the other types. */
  options: LeadFieldOptionDto[];
  /** Order in the drawer, the exports and the settings page (ascending). */
  position: number;
  /** Archived fields keep their values on leads but are no longer filled, shown for editing or mapped. */
  archived: boolean;
  /** Whether any lead holds a value: then the type is fixed, options in use stay, and deleting becomes archiving. */
  inUse: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A custom field as a mapping target (`custom:<key>`). */
export type LeadFieldTargetDto = Pick<LeadFieldDefinitionDto, 'key' | 'label' | 'type' | 'options'>;

/** `POST /v1/lead-fields` (admins). */
export interface CreateLeadFieldRequest {
  key: string;
  label: string;
  type: LeadFieldType;
  options?: LeadFieldOptionDto[];
  position?: number;
}

/**
 * `PATCH /v1/lead-fields/{id}` (admins). The key never changes. The type changes only while no lead has a value;
 * an option in use cannot be removed (rename its label instead).
 */
export interface UpdateLeadFieldRequest {
  label?: string;
  type?: LeadFieldType;
  options?: LeadFieldOptionDto[];
  position?: number;
  archived?: boolean;
}

/** A custom field's value as stored: text, number, ISO date (`YYYY-MM-DD`), option key, or option keys. */
export type LeadFieldValue = string | number | string[];

/** A custom field's value on a lead, as the drawer shows it. */
export interface LeadCustomFieldViewDto {
  key: string;
  label: string;
  type: LeadFieldType;
  /** The choices of a choice or multi-choice field, for editing. */
  options: LeadFieldOptionDto[];
  value: LeadFieldValue | null;
  /** The value for people: option labels, a number or date as written; null when the lead has no value. */
  display: string | null;
  archived: boolean;
}

/**
 * `PATCH /v1/leads/{id}/custom-fields` (managers, admins): values by field key; null clears one. Fields left out
 * keep their value. Audited as `lead.custom_fields_changed` with before and after.
 */
export interface UpdateLeadCustomFieldsRequest {
  values: Record<string, LeadFieldValue | null>;
}
