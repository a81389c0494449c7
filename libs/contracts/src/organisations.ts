export interface OrganisationDto {
  id: string;
  name: string;
  createdAt: string;
  /** ISO 4217 code premiums are in when no ad account says otherwise; null until an admin sets it. */
  defaultCurrency: string | null;
}

/** `PATCH /v1/organisation` (admins). */
export interface UpdateOrganisationRequest {
  defaultCurrency?: string | null;
}
