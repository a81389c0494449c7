import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role } from '@legeai/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { appConfig, servesApi } from '../../config/app.config';
import { authConfig } from '../../config/auth.config';
import { ValidationFailedError } from '../../common/errors/api-error';
import { AuditService } from '../audit';
import { OrganisationsService } from '../organisations';
import { UsersService } from './users.service';

/** The embedded default's first admin when ADMIN_EMAIL is unset. */
export const EMBEDDED_ADMIN_EMAIL = 'admin@legeai.local';
/** Arbitrary constant naming the advisory lock that serialises first-admin creation across instances. */
const FIRST_ADMIN_LOCK = 764_400_001;

/** Injection token of the function that prints the one-time password banner (stdout by default). */
export const FIRST_ADMIN_BANNER_WRITER = Symbol('FIRST_ADMIN_BANNER_WRITER');

export type FirstAdminOutcome = 'exists' | 'created' | 'created-generated' | 'needs-config';

/**
 * Makes sure a fresh installation can be signed in to: when the database has no user at all, creates the
 * organisation and an admin, who is also the first platform administrator. Runs on instances that serve the API; several booting at once take turns on an advisory
 * lock, and only the first finds zero users.
 */
@Injectable()
export class FirstAdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdminBootstrap.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(authConfig.KEY) private readonly auth: ConfigType<typeof authConfig>,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
    /** Where the one-time password banner goes; stdout, deliberately not the (shipped, retained) JSON log. */
    @Inject(FIRST_ADMIN_BANNER_WRITER) private readonly writeBanner: (text: string) => void,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!servesApi(this.app.role)) return;
    await this.ensureFirstAdmin();
    await this.grantPlatformAdmins();
  }

  /** PLATFORM_ADMIN_EMAILS: existing accounts become platform administrators (an email with no account yet waits). */
  async grantPlatformAdmins(): Promise<void> {
    const granted = await this.users.grantPlatformAdmin(this.auth.platformAdminEmails);
    for (const email of granted) this.logger.log(`Made ${email} a platform administrator (PLATFORM_ADMIN_EMAILS)`);
  }

  async ensureFirstAdmin(): Promise<FirstAdminOutcome> {
    const configured = !!this.auth.adminPassword;
    if (!configured && !this.app.embedded) {
      if ((await this.users.countAll()) === 0) {
        this.logger.warn(
          'No users exist yet. Set ADMIN_EMAIL and ADMIN_PASSWORD (at least 12 characters) and restart to create the first admin.',
        );
        return 'needs-config';
      }
      return 'exists';
    }
    // A real deployment needs both variables; the embedded default fills in whichever is missing.
    const email = this.auth.adminEmail ?? (this.app.embedded ? EMBEDDED_ADMIN_EMAIL : undefined);
    if (!email) throw new Error('ADMIN_PASSWORD is set but ADMIN_EMAIL is not: set both to create the first admin');
    const password = this.auth.adminPassword ?? generatePassword();

    const created = await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK]);
      if ((await this.users.countAll(m)) > 0) return false;
      const org = (await this.organisations.findFirst(m)) ?? (await this.organisations.create(this.app.orgName, m));
      await this.users
        .insertUser(
          { organisationId: org.id, email, name: 'Administrator', role: Role.Admin, password, platformAdmin: true },
          (user, tx) =>
            this.audit.recordSystem(
              org.id,
              'user.created',
              { type: 'user', id: user.id },
              { reason: 'first admin', before: null, after: { name: user.name, email: user.email, role: Role.Admin, platformAdmin: true } },
              tx,
            ),
          m,
        )
        .catch((err: unknown) => {
          if (err instanceof ValidationFailedError) {
            throw new Error(`ADMIN_PASSWORD is not acceptable: ${err.fields?.[0]?.messages.join('; ') ?? err.message}`);
          }
          throw err;
        });
      return true;
    });
    if (!created) return 'exists';
    if (configured) {
      this.logger.log(`Created the first admin ${email} from ADMIN_EMAIL/ADMIN_PASSWORD`);
      return 'created';
    }
    this.writeBanner(banner(email, password));
    return 'created-generated';
  }
}

/** 24 random bytes in base64url: 32 characters, ~192 bits, no ambiguous punctuation to mistype. */
function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}

function banner(email: string, password: string): string {
  const line = '='.repeat(72);
  return [
    '',
    line,
    '  First admin created. This password is shown ONCE and is not stored anywhere in clear:',
    '',
    `    email:     ${email}`,
    `    password:  ${password}`,
    '',
    '  Sign in to the console and create your own admin, or set ADMIN_EMAIL and',
    '  ADMIN_PASSWORD before the first start to choose these yourself.',
    line,
    '',
    '',
  ].join('\n');
}
