import type { IssueRecord } from './marketing-state';

/**
 * `issues_info` as Meta renders it on campaigns, ad sets and ads
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-issues-info/).
 */
export const issuesInfo = (issues: IssueRecord[], level: 'CAMPAIGN' | 'AD_SET' | 'AD', id: string) =>
  issues.map((issue) => ({
    level,
    error_code: issue.errorCode,
    error_summary: issue.summary,
    error_message: issue.message,
    error_type: issue.type,
    mid: id,
  }));
