import { ErrorEnvelope, GuardrailFinding } from '@legeai/contracts';

/** The steps of the creation flow, in order. */
export type DraftStep = 'campaign' | 'adSet' | 'ad' | 'review';
export const DRAFT_STEPS: readonly DraftStep[] = ['campaign', 'adSet', 'ad', 'review'];

/**
 * The fields of the request the form shows a place for, as the dotted paths findings name them
 * (`GuardrailFinding.field`). A finding on a field not listed here (or on none) is shown in the step's banner instead,
 * so nothing the server says is lost.
 */
export const DRAFT_FIELDS = {
  adAccountId: 'adAccountId',
  campaignName: 'campaign.name',
  adSetName: 'adSet.name',
  pageId: 'adSet.pageId',
  optimizationGoal: 'adSet.optimizationGoal',
  budget: 'adSet.budget',
  startTime: 'adSet.startTime',
  endTime: 'adSet.endTime',
  countries: 'adSet.targeting.countries',
  regions: 'adSet.targeting.regions',
  cities: 'adSet.targeting.cities',
  zips: 'adSet.targeting.zips',
  ageMin: 'adSet.targeting.ageMin',
  ageMax: 'adSet.targeting.ageMax',
  genders: 'adSet.targeting.genders',
  adName: 'ad.name',
  leadFormId: 'ad.leadFormId',
  image: 'ad.imageBase64',
  imageHash: 'ad.imageHash',
  primaryText: 'ad.primaryText',
  headline: 'ad.headline',
  description: 'ad.description',
  callToAction: 'ad.callToAction',
  status: 'status',
} as const;

export type DraftField = keyof typeof DRAFT_FIELDS;

/**
 * A path as the form knows it: `adSet.targeting.cities[0].radius` and `adSet.targeting.cities.0.radius` are the same
 * field; a leading `body.` or `request.` (how some validators name the payload) is dropped.
 */
export function normaliseField(field: string): string {
  return field
    .trim()
    .replace(/\[(\w+)\]/g, '.$1')
    .replace(/^(body|request)\./, '')
    .replace(/^\./, '');
}

/** Whether `field` is `path` itself or a part of it (`adSet.budget.amountMinor` is part of `adSet.budget`). */
function within(field: string, path: string): boolean {
  return field === path || field.startsWith(`${path}.`);
}

/** The findings on `paths` (each with its parts), errors first, in the order the server sent them otherwise. */
export function findingsFor(findings: readonly GuardrailFinding[], ...paths: string[]): GuardrailFinding[] {
  const matching = findings.filter((f) => paths.some((path) => within(normaliseField(f.field), path)));
  return [...matching.filter((f) => f.severity === 'error'), ...matching.filter((f) => f.severity !== 'error')];
}

/** The findings on the list row `index` of `path`, e.g. the second city: `adSet.targeting.cities.1.radius`. */
export function findingsForRow(findings: readonly GuardrailFinding[], path: string, index: number): GuardrailFinding[] {
  return findingsFor(findings, `${path}.${index}`);
}

/** Which step shows a field: its request section decides. Fields of no section (e.g. `status`) belong to the review. */
export function stepOfField(field: string): DraftStep {
  const path = normaliseField(field);
  if (path === DRAFT_FIELDS.adAccountId || within(path, 'campaign')) {
    return 'campaign';
  }
  if (within(path, 'adSet')) {
    return 'adSet';
  }
  if (within(path, 'ad')) {
    return 'ad';
  }
  return 'review';
}

/** The findings of each step, for its header (an error marks the step) and its banner. */
export function findingsByStep(findings: readonly GuardrailFinding[]): Record<DraftStep, GuardrailFinding[]> {
  const byStep: Record<DraftStep, GuardrailFinding[]> = { campaign: [], adSet: [], ad: [], review: [] };
  for (const finding of findings) {
    byStep[stepOfField(finding.field)].push(finding);
  }
  return byStep;
}

/** Findings with no field of the form to stand next to, which the step's banner shows. */
export function unplacedFindings(findings: readonly GuardrailFinding[]): GuardrailFinding[] {
  const known = Object.values(DRAFT_FIELDS);
  return findings.filter((f) => !known.some((path) => within(normaliseField(f.field), path)));
}

export function hasErrors(findings: readonly GuardrailFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/**
 * A refused submit's field problems (`validation_failed`'s `fields`) as findings, so they stand next to their fields
 * like the guardrails' own.
 */
export function envelopeFindings(envelope: ErrorEnvelope | null): GuardrailFinding[] {
  return (envelope?.error.fields ?? []).flatMap((f) =>
    f.messages.map((message) => ({ code: 'validation_failed', severity: 'error' as const, field: f.field, message })),
  );
}
