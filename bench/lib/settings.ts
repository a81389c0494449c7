export interface BenchSettings {
  quick: boolean;
  /** Seconds per measured load run. */
  durationSeconds: number;
  /** Seconds of unmeasured load on each server before the first measured run. */
  warmupSeconds: number;
  /** Measured runs per server; they alternate (B P, P B, …) and the median is reported. */
  rounds: number;
  /** Concurrent HTTP connections of the load generator. */
  connections: number;
  /** Leads for the drain benchmark. */
  drainLeads: number;
  /** Graph latency injected in the sandbox for the drain, in ms. */
  graphLatencyMs: number;
}

export const FULL: BenchSettings = {
  quick: false,
  durationSeconds: 10,
  warmupSeconds: 3,
  rounds: 3,
  connections: 32,
  drainLeads: 10_000,
  graphLatencyMs: 100,
};

export const QUICK: BenchSettings = {
  quick: true,
  durationSeconds: 3,
  warmupSeconds: 1,
  rounds: 1,
  connections: 32,
  drainLeads: 500,
  graphLatencyMs: 100,
};
