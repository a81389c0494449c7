import { Module } from '@nestjs/common';
import { MetaWebhookModule } from '../../modules/meta-webhook/meta-webhook.module';
import { HousekeepingProcessor } from './housekeeping.processor';
import { SchedulerService } from './scheduler.service';

@Module({
  imports: [MetaWebhookModule],
  providers: [SchedulerService, HousekeepingProcessor],
})
export class SchedulerModule {}
