import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { MetaAssetsModule } from '../meta-assets';
import { OrganisationsModule } from '../organisations';
import { UsersModule } from '../users';
import { LeadCustomFieldsController } from './custom-fields/lead-custom-fields.controller';
import { LeadCustomFieldsEditor } from './custom-fields/lead-custom-fields.editor';
import { LeadCustomValues } from './custom-fields/lead-custom-values.service';
import { LeadFieldDefinition } from './custom-fields/lead-field-definition.entity';
import { LeadFieldsController } from './custom-fields/lead-fields.controller';
import { LeadFieldsService } from './custom-fields/lead-fields.service';
import { Lead } from './entities/lead.entity';
import { LeadStatusChange } from './entities/lead-status-change.entity';
import { MetaLeadMapping } from './entities/meta-lead-mapping.entity';
import { DuplicateSettingsService } from './duplicate-settings.service';
import { LeadDetailReader } from './lead-detail.reader';
import { LeadDuplicateLinksReader } from './lead-duplicate-links.reader';
import { DuplicateSettingsController, LeadDuplicatesController } from './lead-duplicates.controller';
import { LeadDuplicatesService } from './lead-duplicates.service';
import { LeadExportRowsQuery } from './lead-export-rows.query';
import { LeadLifecycleHooks } from './lead-lifecycle-hooks';
import { LeadReopenService } from './lead-reopen.service';
import { LeadRowsQuery } from './lead-rows.query';
import { LeadStatusHistory } from './lead-status-history';
import { LeadsExportService } from './leads-export.service';
import { LeadsController } from './leads.controller';
import { LeadsService } from './leads.service';
import { LeadStoreRepository } from './store/lead-store.repository';

/**
 * The LEGEAI lead store and its REST API: leads, their status rules, history and exports, and the link of each lead
 * to the Meta lead it was made from (meta_lead_mappings: unique per organisation and Meta lead id, which makes
 * storing a Meta lead exactly-once; lead capture writes it in the transaction that stores the lead), and the
 * organisation's custom lead fields (definitions at /v1/lead-fields, values on each lead).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Lead, MetaLeadMapping, LeadStatusChange, LeadFieldDefinition]),
    AuditModule,
    MetaAssetsModule,
    OrganisationsModule,
    UsersModule,
  ],
  controllers: [LeadsController, LeadDuplicatesController, DuplicateSettingsController, LeadCustomFieldsController, LeadFieldsController],
  providers: [
    LeadsService,
    LeadsExportService,
    LeadRowsQuery,
    LeadExportRowsQuery,
    LeadDetailReader,
    LeadStatusHistory,
    LeadReopenService,
    LeadStoreRepository,
    LeadDuplicateLinksReader,
    LeadDuplicatesService,
    DuplicateSettingsService,
    LeadFieldsService,
    LeadCustomValues,
    LeadCustomFieldsEditor,
    LeadLifecycleHooks,
  ],
  exports: [TypeOrmModule, LeadStoreRepository, LeadFieldsService, LeadLifecycleHooks],
})
export class LeadsModule {}
