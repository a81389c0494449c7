/** MetaInsights: what other modules (and the composition root) may use of it. */
export { MetaInsightsModule } from './meta-insights.module';
export { InsightPullsRepository } from './repositories/insight-pulls.repository';
export {
  META_INSIGHTS_JOBS,
  META_INSIGHTS_QUEUE,
  META_INSIGHTS_QUEUE_NAME,
  META_INSIGHTS_SCHEDULES,
  type MetaInsightsJobs,
  type PullAccountJobData,
  type PullAllJobData,
} from './meta-insights.jobs';
