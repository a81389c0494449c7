import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit';
import { MetaAssetsModule } from '../../meta-assets';
import { MetaAuthModule } from '../../meta-auth';
import { LeadSyncModule } from '../sync/lead-sync.module';
import { LeadReconcileController } from './lead-reconcile.controller';
import { LeadReconcileProcessor } from './lead-reconcile.processor';
import { LeadReconcileService } from './lead-reconcile.service';
import { ReconcileFanoutService } from './reconcile-fanout.service';
import { DEFAULT_RECONCILE_OPTIONS, RECONCILE_OPTIONS } from './reconcile-options';
import { SyncLeadsService } from './sync-leads.service';
import { TestLeadService } from './test-lead.service';

/**
 * Reconciliation and backfill: the scheduled sweep of every auto-sync form (`meta-sync` queue), the on-demand
 * `sync-leads`, and test leads. Leads are stored only through the pipeline's `LeadIngestService`.
 */
@Module({
  imports: [MetaAuthModule, MetaAssetsModule, AuditModule, LeadSyncModule],
  controllers: [LeadReconcileController],
  providers: [
    { provide: RECONCILE_OPTIONS, useValue: DEFAULT_RECONCILE_OPTIONS },
    LeadReconcileService,
    ReconcileFanoutService,
    LeadReconcileProcessor,
    SyncLeadsService,
    TestLeadService,
  ],
  exports: [LeadReconcileService],
})
export class LeadReconcileModule {}
