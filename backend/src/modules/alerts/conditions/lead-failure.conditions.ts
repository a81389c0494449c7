import { Injectable } from '@nestjs/common';
import { AlertEventType } from '@legeai/contracts';
import { LeadFailureCounts } from '../../meta-leads';
import type { AlertConditionSource, AlertFinding, ConditionContext } from './alert-condition-source';

/** Leads failed within the window, or parked now, at or above the organisation's thresholds (alert settings). */
@Injectable()
export class LeadFailureConditions implements AlertConditionSource {
  readonly id = 'lead-failures';

  constructor(private readonly counts: LeadFailureCounts) {}

  async evaluate({ organisationId, settings, now }: ConditionContext): Promise<AlertFinding[]> {
    const since = new Date(now.getTime() - settings.failedLeadsWindowHours * 3_600_000);
    const { failed, parked } = await this.counts.count(organisationId, since);
    const findings: AlertFinding[] = [];
    if (failed >= settings.failedLeadsThreshold) {
      findings.push({
        key: 'leads_failed',
        eventType: AlertEventType.LeadsFailing,
        title: `${failed} leads failed in the last ${settings.failedLeadsWindowHours} hours`,
        body: 'Their reasons and the replay are on the Activity page.',
        link: '/activity',
      });
    }
    if (parked >= settings.parkedLeadsThreshold) {
      findings.push({
        key: 'leads_parked',
        eventType: AlertEventType.LeadsFailing,
        title: parked === 1 ? '1 lead is parked' : `${parked} leads are parked`,
        body: 'Parked leads wait for a reconnect or a replay; they are on the Activity page.',
        link: '/activity',
      });
    }
    return findings;
  }
}
