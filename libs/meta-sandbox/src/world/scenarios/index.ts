import type { ResolvedOptions } from '../../options';
import type { World } from '../world';
import { buildBase } from './base';
import { buildInsuranceAgency } from './insurance-agency';

const SCENARIOS: Record<string, (world: World, options: ResolvedOptions) => void> = {
  /** Only the app and a user without any business, page or ad account. */
  empty: () => undefined,
  /** The demo agency: a business, two ad accounts, three pages, lead forms with weeks of leads. */
  'insurance-agency': buildInsuranceAgency,
};

export const SCENARIO_NAMES = Object.keys(SCENARIOS);

export function buildScenario(world: World, options: ResolvedOptions): void {
  const build = SCENARIOS[world.scenario];
  if (!build) throw new Error(`Unknown scenario "${world.scenario}"; known: ${SCENARIO_NAMES.join(', ')}`);
  buildBase(world, options);
  build(world, options);
}
