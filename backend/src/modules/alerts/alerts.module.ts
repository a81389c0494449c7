import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { LeadsModule } from '../leads';
import { MetaAdsModule } from '../meta-ads';
import { MetaAssetsModule } from '../meta-assets';
import { MetaAuthModule } from '../meta-auth';
import { MetaCatalogModule } from '../meta-catalog';
import { MetaInsightsModule } from '../meta-insights';
import { MetaLeadsModule } from '../meta-leads';
import { OrganisationsModule } from '../organisations';
import { OutgoingWebhooksModule } from '../outgoing-webhooks';
import { UsersModule } from '../users';
import { AlertsJobHandlers } from './alerts.job-handlers';
import { AlertsController } from './api/alerts.controller';
import { AlertsReadService } from './api/alerts-read.service';
import { NotificationsController } from './api/notifications.controller';
import { AlertConditionRegistry } from './conditions/alert-condition-registry';
import { LeadFailureConditions } from './conditions/lead-failure.conditions';
import { MetaConnectionConditions } from './conditions/meta-connection.conditions';
import { PageSubscriptionConditions } from './conditions/page-subscriptions.conditions';
import { SyncFailureConditions } from './conditions/sync-failure.conditions';
import { WebhookEndpointConditions } from './conditions/webhook-endpoint.conditions';
import { AlertDeliveryWriter } from './delivery/alert-delivery.writer';
import { AlertsSweepService } from './delivery/alerts-sweep.service';
import { MailOutboxRepository } from './delivery/mail-outbox.repository';
import { MailQueue } from './delivery/mail-queue';
import { MailSenderService } from './delivery/mail-sender.service';
import { MailTransport } from './delivery/mail-transport';
import { Alert } from './entities/alert.entity';
import { AlertLeadEvent } from './entities/alert-lead-event.entity';
import { AlertSettings } from './entities/alert-settings.entity';
import { MailMessage } from './entities/mail-message.entity';
import { Notification } from './entities/notification.entity';
import { NotificationDigest } from './entities/notification-digest.entity';
import { NotificationPreference } from './entities/notification-preference.entity';
import { AlertEvaluatorService } from './evaluate/alert-evaluator.service';
import { AlertsRepository } from './evaluate/alerts.repository';
import { LeadEventsRepository } from './new-leads/lead-events.repository';
import { LeadEventsWriter } from './new-leads/lead-events.writer';
import { NewLeadNoticesService } from './new-leads/new-lead-notices.service';
import { NotificationPreferencesService } from './notifications/notification-preferences.service';
import { NotificationsRepository } from './notifications/notifications.repository';
import { NotificationsService } from './notifications/notifications.service';
import { PreferencesRepository } from './notifications/preferences.repository';
import { AlertSettingsService } from './settings/alert-settings.service';

/**
 * Alerts that reach people: conditions (a registry of sources, each reading its owning module's state) evaluated per
 * organisation on a schedule, one alert per condition until it clears; new-lead notices from an outbox written in each
 * lead's transaction; deliveries as console notifications and outbox mails sent over SMTP; all in the `alerts` queue
 * (alerts.jobs.ts). The notification centre, preferences, alerts, thresholds and mail outbox API.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Alert, Notification, NotificationPreference, NotificationDigest, AlertSettings, MailMessage, AlertLeadEvent]),
    AuditModule,
    UsersModule,
    OrganisationsModule,
    LeadsModule,
    MetaAuthModule,
    MetaAssetsModule,
    MetaLeadsModule,
    MetaAdsModule,
    MetaInsightsModule,
    MetaCatalogModule,
    OutgoingWebhooksModule,
  ],
  controllers: [NotificationsController, AlertsController],
  providers: [
    AlertConditionRegistry,
    MetaConnectionConditions,
    PageSubscriptionConditions,
    LeadFailureConditions,
    SyncFailureConditions,
    WebhookEndpointConditions,
    AlertsRepository,
    AlertEvaluatorService,
    AlertSettingsService,
    NotificationsRepository,
    NotificationsService,
    PreferencesRepository,
    NotificationPreferencesService,
    MailOutboxRepository,
    MailTransport,
    MailQueue,
    MailSenderService,
    AlertDeliveryWriter,
    AlertsSweepService,
    LeadEventsRepository,
    LeadEventsWriter,
    NewLeadNoticesService,
    AlertsReadService,
    AlertsJobHandlers,
  ],
  exports: [AlertConditionRegistry],
})
export class AlertsModule implements OnModuleInit {
  constructor(
    private readonly registry: AlertConditionRegistry,
    private readonly connection: MetaConnectionConditions,
    private readonly pages: PageSubscriptionConditions,
    private readonly leads: LeadFailureConditions,
    private readonly syncs: SyncFailureConditions,
    private readonly webhookEndpoints: WebhookEndpointConditions,
  ) {}

  onModuleInit(): void {
    for (const source of [this.connection, this.pages, this.leads, this.syncs, this.webhookEndpoints]) this.registry.register(source);
  }
}
