import { Role } from './roles';

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  /**
   * Granted the contact details permission (see and export emails, phones, addresses). Admins and managers have it
   * by their role; this grant is what gives it to a viewer.
   */
  canExportContacts: boolean;
}

export interface CreateUserRequest {
  email: string;
  name: string;
  role: Role;
  /**
   * At least 12 characters; required for a new account. When the email already has an account (in another
   * organisation), it gains a membership here and keeps its own password: this one is ignored.
   */
  password?: string;
}

export interface UpdateUserRequest {
  name?: string;
  role?: Role;
  active?: boolean;
  /** Grant or withdraw the contact details permission (matters for viewers; admins and managers have it anyway). */
  canExportContacts?: boolean;
}

/** Whether a role, with the user's own grant, may see and export contact details. */
export function hasContactAccess(role: Role, granted: boolean): boolean {
  return role === Role.Admin || role === Role.Manager || granted;
}
