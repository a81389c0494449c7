export interface OrganisationDto {
  id: string;
  name: string;
  createdAt: string;
}

export interface AuditEntryDto {
  id: string;
  at: string;
  actorType: 'user' | 'api_key' | 'system';
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}
