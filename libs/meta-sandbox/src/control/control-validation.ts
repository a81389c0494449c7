import type { FaultConfig } from '../core/fault-injector';
import type { UsageBudgets } from '../core/usage-types';
import { ControlError } from './sandbox-control';

const isRate = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value <= 1;
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Checks a fault configuration before it can break every later Graph call. */
export function validFaults(input: unknown): FaultConfig {
  if (!input || typeof input !== 'object') throw new ControlError('faults must be an object');
  const config = input as Record<string, unknown>;
  if (config['latencyMs'] !== undefined && !isCount(config['latencyMs'])) throw new ControlError('latencyMs must be a non-negative number');
  if (config['batchNullRate'] !== undefined && !isRate(config['batchNullRate']))
    throw new ControlError('batchNullRate must be between 0 and 1');
  const errors = config['errors'];
  if (errors !== undefined) {
    if (!Array.isArray(errors)) throw new ControlError('errors must be an array');
    for (const rule of errors as Record<string, unknown>[]) {
      if (!rule || !Number.isInteger(rule['code'])) throw new ControlError('each error needs an integer code');
      if (!isRate(rule['rate'])) throw new ControlError('each error needs a rate between 0 and 1');
      if (rule['subcode'] !== undefined && !Number.isInteger(rule['subcode'])) throw new ControlError('subcode must be an integer');
      if (rule['path'] !== undefined && typeof rule['path'] !== 'string') throw new ControlError('path must be a string');
      if (rule['method'] !== undefined && typeof rule['method'] !== 'string') throw new ControlError('method must be a string');
      if (rule['times'] !== undefined && !(Number.isInteger(rule['times']) && (rule['times'] as number) >= 0)) {
        throw new ControlError('times must be a non-negative integer');
      }
    }
  }
  const webhooks = config['webhooks'] as Record<string, unknown> | undefined;
  if (webhooks !== undefined) {
    if (typeof webhooks !== 'object' || webhooks === null) throw new ControlError('webhooks must be an object');
    for (const key of ['dropRate', 'duplicateRate']) {
      if (webhooks[key] !== undefined && !isRate(webhooks[key])) throw new ControlError(`webhooks.${key} must be between 0 and 1`);
    }
  }
  return config;
}

/** Budgets are positive call counts; functions can only be set in process. */
export function validBudgets(input: unknown): Partial<UsageBudgets> {
  if (!input || typeof input !== 'object') throw new ControlError('usage must be an object');
  const budgets = input as Record<string, unknown>;
  for (const key of ['appCallsPerHour', 'adAccountCallsPerHour', 'headerWarmupCalls']) {
    if (budgets[key] !== undefined && !isCount(budgets[key])) throw new ControlError(`${key} must be a non-negative number`);
  }
  const buc = budgets['buc'];
  if (buc !== undefined) {
    if (!buc || typeof buc !== 'object') throw new ControlError('buc must be an object');
    for (const [type, value] of Object.entries(buc))
      if (!isCount(value)) throw new ControlError(`buc.${type} must be a non-negative number`);
  }
  return budgets;
}
