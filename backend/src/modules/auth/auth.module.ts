import { Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { createSecretKey } from 'node:crypto';
import { ACCESS_TOKEN_VERIFIER } from '../../common/auth';
import { authConfig } from '../../config/auth.config';
import { ApiKeysModule } from '../api-keys';
import { AuditModule } from '../audit';
import { PlatformModule } from '../platform';
import { UsersModule } from '../users';
import { AccessGuard } from './access.guard';
import { AccessTokenService } from './access-token.service';
import { AuthCookies } from './auth-cookies';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LOGIN_THROTTLER, LoginThrottlerGuard } from './login-throttler.guard';
import { SessionsModule } from '../sessions';

/**
 * Sign-in, sessions and the global access guard. Importing this module puts every route of the application behind
 * `AccessGuard`, and provides `ACCESS_TOKEN_VERIFIER` (common/auth) to the parts that authenticate outside the guards.
 */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [authConfig.KEY],
      useFactory: (cfg: ConfigType<typeof authConfig>) => {
        // A key object made once: given the secret as text, jsonwebtoken converts it on every sign and verify, first
        // trying it as a PEM public key, whose thrown failure cost about 0.4 ms of CPU per authenticated request.
        const key = createSecretKey(Buffer.from(cfg.jwtSecret, 'utf8'));
        return { privateKey: key, publicKey: key, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } };
      },
    }),
    ThrottlerModule.forRootAsync({
      inject: [authConfig.KEY],
      useFactory: (cfg: ConfigType<typeof authConfig>) => ({
        throttlers: [{ name: LOGIN_THROTTLER, ttl: 60_000, limit: cfg.loginRateLimit }],
      }),
    }),
    SessionsModule,
    UsersModule,
    ApiKeysModule,
    PlatformModule,
    AuditModule,
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    AccessTokenService,
    AuthCookies,
    LoginThrottlerGuard,
    { provide: APP_GUARD, useClass: AccessGuard },
    // For what authenticates outside Nest's guards (Bull Board, /metrics): they know the token, not this module.
    { provide: ACCESS_TOKEN_VERIFIER, useExisting: AccessTokenService },
  ],
  exports: [AccessTokenService, ACCESS_TOKEN_VERIFIER],
})
export class AuthModule {}
