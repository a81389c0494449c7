import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { World } from './world';
import type { GrantRecord, PageInstallRecord, SystemUserRecord, TokenRecord } from './types';

/**
 * What Meta remembers while the product restarts: the tokens it issued (and their invalidations), the grants behind
 * them, the system users businesses installed the app with, the apps installed on Pages, and how far its ids have
 * counted (a lead made after a restart is a new lead). A sandbox started with a state file keeps these across its own
 * restarts, so a product in sandbox mode finds its connection alive after `npm start` again, as against Meta.
 * Everything else (leads, campaigns, catalogs) is rebuilt from the seed. Only records whose app, user and Page exist
 * in the new world come back: a file from another seed or scenario restores nothing that would not resolve.
 */
export interface RememberedState {
  version: 1;
  seed: string;
  scenario: string;
  appId: string;
  tokens: TokenRecord[];
  grants: GrantRecord[];
  systemUsers: SystemUserRecord[];
  pageInstalls: [pageId: string, installs: PageInstallRecord[]][];
  /** How far the id sequences had counted: new objects after a restart get new ids (a new lead is a new leadgen id). */
  idCounts: Record<string, string>;
}

export function rememberedState(world: World): RememberedState {
  return {
    version: 1,
    seed: world.seed,
    scenario: world.scenario,
    appId: world.app.id,
    // App tokens are derived from the secret, not issued.
    tokens: [...world.tokens.values()].filter((t) => t.type !== 'APP'),
    grants: [...world.grants.values()],
    systemUsers: [...world.systemUsers.values()],
    pageInstalls: [...world.pageInstalls.entries()],
    idCounts: world.ids.counts(),
  };
}

/** Puts the remembered records back into a freshly built world; answers how many tokens came back. */
export function restoreRememberedState(world: World, state: RememberedState): number {
  if (state.version !== 1 || state.seed !== world.seed || state.scenario !== world.scenario || state.appId !== world.app.id) return 0;
  for (const systemUser of state.systemUsers ?? []) {
    if (!world.apps.has(systemUser.appId) || !world.businesses.has(systemUser.businessId)) continue;
    world.systemUsers.set(systemUser.id, systemUser);
    world.register(systemUser.id, 'SystemUser');
  }
  const holderExists = (id: string) => world.users.has(id) || world.systemUsers.has(id);
  let tokens = 0;
  for (const token of state.tokens) {
    if (!world.apps.has(token.appId) || (token.userId && !world.users.has(token.userId))) continue;
    if (token.systemUserId && !world.systemUsers.has(token.systemUserId)) continue;
    if (token.pageId && !world.pages.has(token.pageId)) continue;
    world.tokens.set(token.value, token);
    tokens++;
  }
  for (const grant of state.grants) {
    if (world.apps.has(grant.appId) && holderExists(grant.userId)) world.grants.set(world.grantKey(grant.appId, grant.userId), grant);
  }
  for (const [pageId, installs] of state.pageInstalls) {
    if (world.pages.has(pageId))
      world.pageInstalls.set(
        pageId,
        installs.filter((i) => world.apps.has(i.appId)),
      );
  }
  world.ids.continueFrom(state.idCounts ?? {});
  return tokens;
}

/** Reads a state file; null when there is none or it cannot be read (a sandbox then starts as new). */
export function readStateFile(path: string): RememberedState | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RememberedState;
  } catch {
    return null;
  }
}

/** Writes the state beside the file and renames it over: a crash mid-write leaves the previous state whole. */
export function writeStateFile(path: string, json: string): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, json, { mode: 0o600 });
  renameSync(temporary, path);
}

/**
 * Keeps a state file in step with the sandbox's world (read through `world()`, which a reset replaces): restores it
 * once at start, then writes it whenever it changed, checked every `everyMs`, and once more at stop.
 */
export class RememberedStateFile {
  private timer: NodeJS.Timeout | null = null;
  private written = '';
  private failed = false;

  constructor(
    private readonly path: string,
    private readonly world: () => World,
    private readonly everyMs = 1000,
  ) {}

  /** Answers how many tokens came back from the file. */
  restore(): number {
    const state = readStateFile(this.path);
    const restored = state ? restoreRememberedState(this.world(), state) : 0;
    this.written = JSON.stringify(rememberedState(this.world()));
    return restored;
  }

  start(): void {
    this.timer = setInterval(() => this.save(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.save();
  }

  /** Writes the state when it changed. A file that cannot be written is said once on stderr; the sandbox runs on. */
  save(): void {
    const json = JSON.stringify(rememberedState(this.world()));
    if (json === this.written) return;
    try {
      writeStateFile(this.path, json);
      this.written = json;
      this.failed = false;
    } catch (error) {
      if (!this.failed) process.stderr.write(`meta-sandbox: cannot keep its state in ${this.path}: ${(error as Error).message}\n`);
      this.failed = true;
    }
  }
}
