/** How many verified tokens a process remembers: a few per signed-in console tab, far fewer than this. */
const MAX_ENTRIES = 10_000;

/**
 * Claims of access tokens this process has verified, by the token's exact text, until the token expires. A JWT's
 * signature and claims are fixed by its text, so verifying the same text again (every request of a console session
 * until it refreshes) can only give the same answer; only the expiry moves. Whether the session is still live is not
 * kept here: that is checked on every request (`SessionsService.liveSession`). The oldest entry goes when full.
 */
export class VerifiedTokenCache<C extends { exp: number }> {
  private readonly entries = new Map<string, C>();

  constructor(
    private readonly maxEntries = MAX_ENTRIES,
    private readonly nowSeconds: () => number = () => Date.now() / 1000,
  ) {}

  /** The claims of `token` if it was verified here and has not expired since; undefined otherwise. */
  get(token: string): C | undefined {
    const claims = this.entries.get(token);
    if (!claims) return undefined;
    if (claims.exp > this.nowSeconds()) return claims;
    this.entries.delete(token);
    return undefined;
  }

  remember(token: string, claims: C): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, claims);
  }
}
