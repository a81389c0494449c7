import { LockoutPolicy } from '../users';

/**
 * Per-account lockout, counted in the database so it holds however many API instances share the load (the per-IP
 * throttle is per instance). Five straight failures lock the account for 15 minutes; a success resets the count.
 */
export const LOGIN_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockSeconds: 15 * 60 };
