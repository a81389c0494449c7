import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { MetaIntegrationsModule } from '../meta-integrations/meta-integrations.module';
import { LeadSyncModule } from '../meta-leads/sync/lead-sync.module';
import { MetaOAuthState } from './entities/meta-oauth-state.entity';
import { MetaAuthController } from './oauth/meta-auth.controller';
import { MetaConnectService } from './oauth/meta-connect.service';
import { MetaFacebookStrategy } from './oauth/meta-facebook.strategy';
import { MetaOAuthCallbackGuard } from './oauth/meta-oauth-callback.guard';
import { OAuthStateService } from './oauth/oauth-state.service';

/** OAuth connect with passport-facebook: single-use states, code exchange, and handing over to the integration. */
@Module({
  imports: [PassportModule, TypeOrmModule.forFeature([MetaOAuthState]), AuditModule, MetaIntegrationsModule, LeadSyncModule],
  controllers: [MetaAuthController],
  providers: [OAuthStateService, MetaFacebookStrategy, MetaOAuthCallbackGuard, MetaConnectService],
})
export class MetaAuthModule {}
