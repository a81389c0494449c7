import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit';
import { MetaAssetsModule } from '../../meta-assets';
import { MetaAuthModule } from '../../meta-auth';
import { LeadSyncModule } from '../sync/lead-sync.module';
import { LeadReconcileController } from './lead-reconcile.controller';
import { LeadReconcileService } from './lead-reconcile.service';
import { ReconcileFanoutService } from './reconcile-fanout.service';
import { ReconcileJobHandlers } from './reconcile.job-handlers';
import { DEFAULT_RECONCILE_OPTIONS, RECONCILE_OPTIONS } from './reconcile-options';
import { SyncLeadsService } from './sync-leads.service';
import { TestLeadService } from './test-lead.service';

/**
 * Reconciliation and backfill: the scheduled sweep of every auto-sync form (`reconcile-all` and `reconcile-form` on the meta-leads queue), the on-demand
 * `sync-leads`, and test leads. Leads are stored only through the pipeline's `LeadIngestService`.
 */
@Module({
  imports: [MetaAuthModule, MetaAssetsModule, AuditModule, LeadSyncModule],
  controllers: [LeadReconcileController],
  providers: [
    { provide: RECONCILE_OPTIONS, useValue: DEFAULT_RECONCILE_OPTIONS },
    LeadReconcileService,
    ReconcileFanoutService,
    ReconcileJobHandlers,
    SyncLeadsService,
    TestLeadService,
  ],
  exports: [LeadReconcileService],
})
export class LeadReconcileModule {}
