import { defaultPreference, type AlertEventType, type Role } from '@legeai/contracts';

export interface Member {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface StoredPreference {
  userId: string;
  eventType: AlertEventType;
  inApp: boolean;
  email: boolean;
}

export interface Recipient {
  member: Member;
  inApp: boolean;
  email: boolean;
}

/** A member's channels for an event: their own choice when they made one, else their role's default. */
export function channelsOf(
  member: Member,
  eventType: AlertEventType,
  stored: readonly StoredPreference[],
): { inApp: boolean; email: boolean } {
  const own = stored.find((p) => p.userId === member.id && p.eventType === eventType);
  return own ? { inApp: own.inApp, email: own.email } : defaultPreference(member.role, eventType);
}

/** Who hears of an event and how: members with at least one channel on. */
export function recipientsOf(members: readonly Member[], eventType: AlertEventType, stored: readonly StoredPreference[]): Recipient[] {
  return members
    .map((member) => ({ member, ...channelsOf(member, eventType, stored) }))
    .filter((recipient) => recipient.inApp || recipient.email);
}
