/** MetaInsights: what other modules (and the composition root) may use of it. */
export { MetaInsightsModule } from './meta-insights.module';
