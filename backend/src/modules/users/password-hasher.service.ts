import { Injectable, OnModuleInit } from '@nestjs/common';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

/**
 * `Algorithm.Argon2id` of @node-rs/argon2, whose `Algorithm` is a declared const enum with no runtime object: `tsc`
 * inlines it, but a per-file transpiler (the tests' ts-jest with isolatedModules) would read `undefined` from it
 * and silently fall back to the library's default. The value is typed against the enum, so a change there fails
 * to compile.
 */
const ARGON2ID: Algorithm.Argon2id = 2;

/**
 * Argon2id with OWASP's minimum recommended cost (19 MiB, 2 passes, 1 lane), which keeps one login around tens of
 * milliseconds on a small machine while making offline guessing expensive.
 */
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash?: Promise<string>;

  /** Computes the decoy hash at boot, so even the first unknown-email login costs the same as any other. */
  async onModuleInit(): Promise<void> {
    await this.decoy();
  }

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      // A malformed stored hash must read as "wrong password", never as a server error that reveals the account.
      return false;
    }
  }

  /**
   * Spends the same work as a real verification, for logins with an unknown email, so response time does not tell
   * an attacker which emails have accounts.
   */
  async verifyAgainstNothing(password: string): Promise<false> {
    await this.verify(await this.decoy(), password);
    return false;
  }

  private decoy(): Promise<string> {
    this.dummyHash ??= this.hash(randomBytes(32).toString('base64'));
    return this.dummyHash;
  }
}
