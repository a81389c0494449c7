import { AccessTokenResponse, ApiKeyDto, CurrentUser, Role, UserDto } from '@legeai/contracts';

export function aCurrentUser(overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: 'u-admin',
    email: 'admin@example.com',
    name: 'Ada Admin',
    role: Role.Admin,
    organisationId: 'org-1',
    organisationName: 'Acme Insurance',
    canSeeContacts: true,
    platformAdmin: false,
    ...overrides,
  };
}

export function aTokenResponse(accessToken = 'token-1', user: CurrentUser = aCurrentUser()): AccessTokenResponse {
  return { accessToken, expiresAt: '2030-01-01T00:00:00.000Z', user };
}

export function aUser(overrides: Partial<UserDto> = {}): UserDto {
  return {
    id: 'u-1',
    email: 'mia@example.com',
    name: 'Mia Manager',
    role: Role.Manager,
    active: true,
    createdAt: '2026-01-02T10:00:00.000Z',
    lastLoginAt: null,
    canExportContacts: false,
    ...overrides,
  };
}

export function anApiKey(overrides: Partial<ApiKeyDto> = {}): ApiKeyDto {
  return {
    id: 'k-1',
    name: 'CRM import',
    prefix: 'lgk_ab12',
    role: Role.Viewer,
    createdAt: '2026-01-02T10:00:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

/** The API's error envelope, as the backend's exception filter writes it. */
export function anErrorEnvelope(status: number, code: string, message: string) {
  return { error: { status, code, message } };
}
