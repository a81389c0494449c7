import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit';
import { LeadsModule } from '../../leads';
import { MetaAssetsModule } from '../../meta-assets';
import { LeadFormMappingController } from './lead-form-mapping.controller';
import { LeadFormMappingService } from './lead-form-mapping.service';
import { MappingCoverageProvider } from './mapping-coverage.provider';

/**
 * The lead form mapping API, and the unmapped-question count the lead forms list shows (forms and leads read through
 * their owners' repositories). The mapper itself is plain functions, imported directly.
 */
@Module({
  imports: [LeadsModule, AuditModule, MetaAssetsModule],
  controllers: [LeadFormMappingController],
  providers: [LeadFormMappingService, MappingCoverageProvider],
})
export class LeadMappingModule {}
