import type { DuplicateMatchLevel } from '@legeai/contracts';
import { DEFAULT_MATCH_LEVELS, type DuplicateMatchRule } from './person-duplicates';

/** An organisation's row of `lead_duplicate_settings`, as a claim reads it (JSON). */
export interface StoredDuplicateSettings {
  email: DuplicateMatchLevel;
  phoneAndName: DuplicateMatchLevel;
  phoneOnly: DuplicateMatchLevel;
  windowDays: number;
}

/** The rule to match by: the organisation's own, else the default levels with the configured window. */
export function duplicateRuleOf(stored: StoredDuplicateSettings | null, defaultWindowDays: number): DuplicateMatchRule {
  return stored ? { ...stored } : { ...DEFAULT_MATCH_LEVELS, windowDays: defaultWindowDays };
}
