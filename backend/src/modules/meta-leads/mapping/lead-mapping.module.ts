import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../audit/audit.module';
import { Lead } from '../../leads/entities/lead.entity';
import { MetaLeadForm } from '../../meta-assets/entities/meta-lead-form.entity';
import { LeadFormMappingController } from './lead-form-mapping.controller';
import { LeadFormMappingService } from './lead-form-mapping.service';

/** The lead form mapping API. The mapper and duplicate finder themselves are plain functions, imported directly. */
@Module({
  imports: [TypeOrmModule.forFeature([MetaLeadForm, Lead]), AuditModule],
  controllers: [LeadFormMappingController],
  providers: [LeadFormMappingService],
})
export class LeadMappingModule {}
