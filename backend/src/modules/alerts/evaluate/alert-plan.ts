import type { AlertFinding } from '../conditions/alert-condition-source';

export interface OpenAlertRef {
  id: string;
  source: string;
  conditionKey: string;
}

export interface SourceOutcome {
  source: string;
  /** null: the source failed this time, so its open alerts stay as they are (neither seen nor resolved). */
  findings: AlertFinding[] | null;
}

export interface AlertPlan {
  /** Conditions that hold and have no open alert: one new alert each. */
  raise: (AlertFinding & { source: string })[];
  /** Open alerts whose condition still holds: only their last-seen time moves (no second alert). */
  seen: OpenAlertRef[];
  /** Open alerts whose source answered without their condition: one "resolved" each. */
  resolve: OpenAlertRef[];
}

/**
 * The de-duplication: one alert per (organisation, condition key) until the condition clears, then one "resolved".
 * Pure, so every case is a unit test; the partial unique index on open alerts holds the same rule in the database.
 */
export function planAlerts(open: readonly OpenAlertRef[], outcomes: readonly SourceOutcome[]): AlertPlan {
  const openByKey = new Map(open.map((alert) => [alert.conditionKey, alert]));
  const plan: AlertPlan = { raise: [], seen: [], resolve: [] };
  const holding = new Set<string>();
  for (const { source, findings } of outcomes) {
    if (!findings) continue;
    for (const finding of findings) {
      if (holding.has(finding.key)) continue; // one alert per key, even if a source answers it twice
      holding.add(finding.key);
      const existing = openByKey.get(finding.key);
      if (existing) plan.seen.push(existing);
      else plan.raise.push({ ...finding, source });
    }
  }
  const answered = new Set(outcomes.filter((outcome) => outcome.findings).map((outcome) => outcome.source));
  for (const alert of open) {
    if (answered.has(alert.source) && !holding.has(alert.conditionKey)) plan.resolve.push(alert);
  }
  return plan;
}
