import { Injectable } from '@nestjs/common';
import { ALERT_EVENT_TYPES, type NotificationPreferencesDto, type UpdateNotificationPreferencesRequest } from '@legeai/contracts';
import type { Principal } from '../../../common/auth/principal';
import { channelsOf } from '../delivery/recipients';
import { PreferencesRepository } from './preferences.repository';
import { userOf } from './notifications.service';

/** A user's channels per event type (their role's defaults until they choose) and how they hear of new leads. */
@Injectable()
export class NotificationPreferencesService {
  constructor(private readonly preferences: PreferencesRepository) {}

  async get(principal: Principal): Promise<NotificationPreferencesDto> {
    const userId = userOf(principal);
    const [stored, newLeadFrequency] = await Promise.all([
      this.preferences.forUser(userId, principal.organisationId),
      this.preferences.frequencyOf(userId, principal.organisationId),
    ]);
    const member = { id: userId, email: '', name: '', role: principal.role };
    return {
      events: ALERT_EVENT_TYPES.map((eventType) => ({ eventType, ...channelsOf(member, eventType, stored) })),
      newLeadFrequency,
    };
  }

  async update(principal: Principal, change: UpdateNotificationPreferencesRequest): Promise<NotificationPreferencesDto> {
    await this.preferences.save(userOf(principal), principal.organisationId, change.events, change.newLeadFrequency);
    return this.get(principal);
  }
}
