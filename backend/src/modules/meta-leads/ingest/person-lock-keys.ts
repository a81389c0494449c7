/**
 * Advisory-lock keys for one person of one organisation: one per contact value, sorted so that two transactions
 * taking the same keys always take them in the same order (no deadlock).
 */
export function personLockKeys(organisationId: string, key: { emailNormalized: string | null; phoneE164: string | null }): string[] {
  const keys: string[] = [];
  if (key.emailNormalized) keys.push(`lead-person:${organisationId}:email:${key.emailNormalized}`);
  if (key.phoneE164) keys.push(`lead-person:${organisationId}:phone:${key.phoneE164}`);
  return keys.sort();
}
