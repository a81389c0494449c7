import type { GraphRegistry } from './graph-registry';
import type { SandboxRuntime } from './sandbox-runtime';
import type { World } from '../world/world';
import type { Router } from 'express';

/**
 * A slice of Meta: it declares its Graph routes, may add objects to every freshly seeded world, and may add
 * control endpoints under `/__sandbox`. Modules are listed once in `src/modules.ts`.
 */
export interface SandboxModule {
  name: string;
  /** Declares node types, edges, fields and root routes. Called once at start. */
  register(registry: GraphRegistry, runtime: SandboxRuntime): void;
  /**
   * Adds this module's objects after the scenario built the core world (on start and on every reset).
   * Use `world.rng.stream(<module name>)` so this module's data does not shift other modules' data.
   */
  seed?(world: World, runtime: SandboxRuntime): void;
  /** Plain HTTP pages outside the Graph API (the login dialog). */
  routes?(router: Router, runtime: SandboxRuntime): void;
  /** Extra JSON control endpoints, mounted under `/__sandbox`. */
  control?(router: Router, runtime: SandboxRuntime): void;
  /** Releases timers and sockets when the sandbox closes. */
  close?(): void | Promise<void>;
}
