import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { OrganisationsModule } from '../organisations';
import { ApiKeyAuditNames } from './api-key-audit-names';
import { ApiKeyAuthenticator } from './api-key-authenticator.service';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { ApiKey } from './entities/api-key.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ApiKey]), AuditModule, OrganisationsModule],
  controllers: [ApiKeysController],
  providers: [ApiKeysService, ApiKeyAuthenticator, ApiKeyAuditNames],
  exports: [ApiKeyAuthenticator],
})
export class ApiKeysModule {}
