import type { AlertEventType, AlertSettingsDto } from '@legeai/contracts';

/** A condition that holds now: the alert it raises while it holds (one per key). */
export interface AlertFinding {
  /** Stable while the condition holds, e.g. `reauth_required` or `sync_failing:ads:act_1`; unique per organisation. */
  key: string;
  eventType: AlertEventType;
  title: string;
  body: string;
  /** Console path where it is acted on. */
  link: string | null;
}

export interface ConditionContext {
  organisationId: string;
  settings: AlertSettingsDto;
  now: Date;
}

/**
 * One family of conditions, read from the state its owning module already keeps (through that module's exported
 * services or repositories). `evaluate` answers every condition of the family that holds now; an alert of this source
 * whose key is not answered is resolved. A source that throws resolves nothing (its alerts stay as they were).
 */
export interface AlertConditionSource {
  /** Stable id, stored with each alert it raises (max 40 characters). */
  readonly id: string;
  evaluate(context: ConditionContext): Promise<AlertFinding[]>;
}
