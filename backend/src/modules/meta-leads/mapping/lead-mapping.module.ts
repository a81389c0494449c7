import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../audit';
import { Lead } from '../../leads';
import { MetaAssetsModule, MetaLeadForm } from '../../meta-assets';
import { LeadFormMappingController } from './lead-form-mapping.controller';
import { LeadFormMappingService } from './lead-form-mapping.service';
import { MappingCoverageProvider } from './mapping-coverage.provider';

/**
 * The lead form mapping API, and the unmapped-question count the lead forms list shows. The mapper and duplicate
 * finder themselves are plain functions, imported directly.
 */
@Module({
  imports: [TypeOrmModule.forFeature([MetaLeadForm, Lead]), AuditModule, MetaAssetsModule],
  controllers: [LeadFormMappingController],
  providers: [LeadFormMappingService, MappingCoverageProvider],
})
export class LeadMappingModule {}
