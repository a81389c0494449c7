import { Module } from '@nestjs/common';
import { LeadMappingModule } from './mapping/lead-mapping.module';
import { LeadReconcileModule } from './reconcile/lead-reconcile.module';
import { LeadSyncModule } from './sync/lead-sync.module';

/**
 * MetaLeads, "lead capture": Meta's leads into the lead store. Its parts are modules of their own, each with its
 * API: `mapping/` (answers to lead fields, the per-form mapping API), `sync/` (the `leadgen` job, the per-lead
 * timeline, failures, replays, the lead-syncs and activity API), `reconcile/` (the scheduled sweep, `sync-leads`,
 * test leads).
 */
@Module({
  imports: [LeadMappingModule, LeadSyncModule, LeadReconcileModule],
  exports: [LeadSyncModule],
})
export class MetaLeadsModule {}
