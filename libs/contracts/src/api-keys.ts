import { Role } from './roles';

export interface ApiKeyDto {
  id: string;
  name: string;
  /** The first characters of the key, enough to recognise it; the rest is never stored. */
  prefix: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreateApiKeyRequest {
  name: string;
  role: Role;
}

/** Returned once, at creation: `key` is never retrievable again. */
export interface CreatedApiKeyResponse extends ApiKeyDto {
  key: string;
}
