import type { ResolvedOptions } from '../options';
import type { GraphContext } from './graph-context';
import type { SandboxModule } from './sandbox-module';
import type { UsageBudgets } from './usage-types';
import { GraphRegistry } from './graph-registry';
import { GraphDispatcher } from './dispatcher';
import { SandboxClock } from './clock';
import { VersionTable } from './versions';
import { UsageTracker } from './usage-tracker';
import { FaultInjector } from './fault-injector';
import { CallLog } from './call-log';
import { SandboxEvents } from './sandbox-events';
import { Rng, RngStreams, createRng } from './rng';
import { World } from '../world/world';
import { buildScenario } from '../world/scenarios';

/**
 * The running sandbox: options, the current world, and the shared machinery (registry, dispatcher, clock, usage,
 * faults, call log). A reset swaps the world and clears counters; routes stay registered.
 */
export class SandboxRuntime {
  readonly registry = new GraphRegistry();
  readonly versions = new VersionTable();
  readonly clock: SandboxClock;
  readonly usage: UsageTracker;
  readonly faults = new FaultInjector(createRng('faults'));
  readonly callLog = new CallLog();
  readonly events = new SandboxEvents();
  readonly dispatcher = new GraphDispatcher(this);
  world!: World;
  /** Settings the control surface may change, as they were at start; a reset restores them. */
  private readonly startBudgets: UsageBudgets;
  private readonly startWebhooks: ResolvedOptions['webhooks'];

  constructor(
    readonly options: ResolvedOptions,
    readonly modules: SandboxModule[],
  ) {
    this.clock = new SandboxClock(options.clockStart);
    this.usage = new UsageTracker(this.clock, options.usage);
    for (const module of modules) module.register(this.registry, this);
    // Taken after registration: modules may size budgets from the world (leadgen: 4800 × recent leads).
    this.startBudgets = { ...this.usage.budgets, buc: { ...this.usage.budgets.buc } };
    this.startWebhooks = { ...options.webhooks };
    this.reset();
  }

  /** Rebuilds the world from a seed and scenario (default: the start options) and clears all counters and faults. */
  reset(change: { seed?: string | number; scenario?: string } = {}): void {
    const seed = String(change.seed ?? this.options.seed);
    const scenario = change.scenario ?? this.options.scenario;
    this.clock.rewind();
    const world = new World(seed, scenario, new RngStreams(seed), this.clock);
    buildScenario(world, this.options);
    for (const module of this.modules) module.seed?.(world, this);
    this.world = world;
    this.usage.reset();
    this.usage.budgets = { ...this.startBudgets, buc: { ...this.startBudgets.buc } };
    Object.assign(this.options.webhooks, this.startWebhooks);
    this.faults.clear();
    this.faults.setRng(world.rng.stream('faults'));
    this.callLog.clear();
    this.events.emit('world.reset');
  }

  rng(stream: string): Rng {
    return this.world.rng.stream(stream);
  }

  /** An absolute sandbox URL for a Graph path, as `paging.next` carries it. */
  graphUrl(ctx: Pick<GraphContext, 'baseUrl' | 'version'>, path: string, params: Record<string, string>): string {
    const query = new URLSearchParams(params).toString();
    return `${this.options.publicUrl ?? ctx.baseUrl}/${ctx.version}/${path}${query ? `?${query}` : ''}`;
  }
}
