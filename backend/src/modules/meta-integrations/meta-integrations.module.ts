import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MetaAdAccount } from './entities/meta-ad-account.entity';
import { MetaIntegration } from './entities/meta-integration.entity';
import { MetaPage } from './entities/meta-page.entity';

/** An organisation's Meta connection and the ad accounts and pages it reaches. */
@Module({
  imports: [TypeOrmModule.forFeature([MetaIntegration, MetaAdAccount, MetaPage])],
  exports: [TypeOrmModule],
})
export class MetaIntegrationsModule {}
