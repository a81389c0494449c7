import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { MetaAssetsModule } from '../meta-assets';
import { Lead } from './entities/lead.entity';
import { MetaLeadMapping } from './entities/meta-lead-mapping.entity';
import { LeadRowsQuery } from './lead-rows.query';
import { LeadsExportService } from './leads-export.service';
import { LeadsController } from './leads.controller';
import { LeadsService } from './leads.service';
import { LeadStoreRepository } from './store/lead-store.repository';

/**
 * The LEGEAI lead store and its REST API: leads, their status rules and export, and the link of each lead to the Meta
 * lead it was made from (meta_lead_mappings: unique per organisation and Meta lead id, which makes storing a Meta
 * lead exactly-once; lead capture writes it in the transaction that stores the lead).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Lead, MetaLeadMapping]), AuditModule, MetaAssetsModule],
  controllers: [LeadsController],
  providers: [LeadsService, LeadsExportService, LeadRowsQuery, LeadStoreRepository],
  exports: [TypeOrmModule, LeadStoreRepository],
})
export class LeadsModule {}
