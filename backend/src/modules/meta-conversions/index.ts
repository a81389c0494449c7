/** MetaConversions: what other modules (and the composition root) may use of it. */
export { MetaConversionsModule } from './meta-conversions.module';
export { ConversionsPerCampaign, type CampaignEventCounts, type CampaignLeadsWindow } from './visibility/conversions-per-campaign';
export {
  META_CONVERSIONS_JOBS,
  META_CONVERSIONS_QUEUE,
  META_CONVERSIONS_QUEUE_NAME,
  META_CONVERSIONS_SCHEDULES,
  type MetaConversionsJobs,
  type SendEventsJobData,
} from './meta-conversions.jobs';
