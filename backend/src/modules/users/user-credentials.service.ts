import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './entities/user.entity';
import { normaliseEmail } from './user.mapper';

export interface LockoutPolicy {
  /** Consecutive failures that lock the account. */
  maxFailures: number;
  lockSeconds: number;
}

export interface FailureOutcome {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

/** The users table as the login flow sees it: password hash and the failed-attempt counter. */
@Injectable()
export class UserCredentialsService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  /** The user with this email, including the password hash (which no other query selects). */
  findForLogin(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :email', { email: normaliseEmail(email) })
      .getOne();
  }

  /**
   * Counts a failed attempt in one statement, so concurrent attempts on several API instances all count. Once a
   * lock has run out, the next failure starts a fresh count instead of locking again at once.
   */
  async registerFailure(userId: string, policy: LockoutPolicy): Promise<FailureOutcome> {
    const rows: { failed_login_count: number; locked_until: Date | null }[][] = await this.users.query(
      `UPDATE users SET
         failed_login_count = CASE WHEN locked_until <= now() THEN 1 ELSE failed_login_count + 1 END,
         locked_until = CASE
           WHEN (CASE WHEN locked_until <= now() THEN 1 ELSE failed_login_count + 1 END) >= $2
             THEN now() + make_interval(secs => $3)
           WHEN locked_until <= now() THEN NULL
           ELSE locked_until END
       WHERE id = $1
       RETURNING failed_login_count, locked_until`,
      [userId, policy.maxFailures, policy.lockSeconds],
    );
    // TypeORM returns [rows, affectedCount] for UPDATE … RETURNING on Postgres.
    const row = rows[0]?.[0];
    return { failedLoginCount: row?.failed_login_count ?? 0, lockedUntil: row?.locked_until ?? null };
  }

  async registerSuccess(userId: string): Promise<void> {
    await this.users.update(userId, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() });
  }
}
