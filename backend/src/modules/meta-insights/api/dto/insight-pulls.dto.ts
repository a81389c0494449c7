import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  InsightAccountStateDto,
  InsightPullDto,
  InsightPullRequest,
  InsightPullStatus,
  InsightPullTrigger,
  Page,
} from '@legeai/contracts';
import { IsIn, IsOptional, Matches, ValidateBy, ValidateIf, type ValidationArguments } from 'class-validator';
import { MAX_INSIGHTS_BACKFILL_DAYS } from '../../../../config/insights.config';
import { PageQueryDto } from '../../../../common/paging/page-query.dto';
import { addDays, dayCount, isValidDate } from '../../pulls/insight-days';

const AD_ACCOUNT = /^act_\d{1,30}$/;
const TRIGGERS: InsightPullTrigger[] = ['today', 'lookback', 'backfill', 'on_demand'];
const STATUSES: InsightPullStatus[] = ['queued', 'running', 'succeeded', 'failed'];

/** A real calendar date (2026-02-30 is refused). */
const IsCalendarDate = () =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isValidDate(value),
      defaultMessage: (args?: ValidationArguments) => `${args?.property} must be a date written YYYY-MM-DD`,
    },
  });

/**
 * `until` with `since`, not before it, at most 1110 days after it (Meta keeps about 37 months), and not past
 * tomorrow (an account's today runs up to a day ahead of UTC).
 */
const IsRangeEnd = () =>
  ValidateBy({
    name: 'isRangeEnd',
    validator: {
      validate: (until: unknown, args?: ValidationArguments) => {
        const since = (args?.object as InsightPullRequestDto | undefined)?.since;
        if (typeof until !== 'string' || typeof since !== 'string' || !isValidDate(until) || !isValidDate(since)) return false;
        const tomorrow = addDays(new Date().toISOString().slice(0, 10), 1);
        return since <= until && until <= tomorrow && dayCount({ since, until }) <= MAX_INSIGHTS_BACKFILL_DAYS;
      },
      defaultMessage: () =>
        `since and until go together: until on or after since, at most ${MAX_INSIGHTS_BACKFILL_DAYS} days after it and not in the future`,
    },
  });

export class InsightPullRequestDto implements InsightPullRequest {
  @ApiPropertyOptional({ example: 'act_1025004400112233', description: 'One account; every active one of the organisation when absent' })
  @IsOptional()
  @Matches(AD_ACCOUNT, { message: 'adAccountId must look like act_123' })
  adAccountId?: string;

  @ApiPropertyOptional({
    example: '2026-11-01',
    format: 'date',
    description: "First day (the account's calendar); with `until`. Absent: the lookback window (INSIGHTS_LOOKBACK_DAYS) up to today",
  })
  @IsOptional()
  @IsCalendarDate()
  since?: string;

  @ApiPropertyOptional({
    example: '2026-11-28',
    format: 'date',
    description: 'Last day, included; with `since`; at most 1110 days after it',
  })
  // Checked whenever either end is given: `since` alone is refused here, as `until` alone is.
  @ValidateIf((dto: InsightPullRequestDto) => dto.since !== undefined || dto.until !== undefined)
  @IsRangeEnd()
  until?: string;
}

export class InsightPullListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'act_1025004400112233' })
  @IsOptional()
  @Matches(AD_ACCOUNT, { message: 'adAccountId must look like act_123' })
  adAccountId?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: InsightPullStatus;

  @ApiPropertyOptional({ enum: TRIGGERS })
  @IsOptional()
  @IsIn(TRIGGERS)
  trigger?: InsightPullTrigger;
}

class DateRangeResponse {
  @ApiProperty({ format: 'date' }) since!: string;
  @ApiProperty({ format: 'date' }) until!: string;
}

export class InsightPullResponse implements InsightPullDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'act_1025004400112233' }) adAccountId!: string;
  @ApiProperty({ enum: TRIGGERS }) trigger!: InsightPullTrigger;
  @ApiProperty({ type: DateRangeResponse, description: "The account's calendar days read" }) range!: DateRangeResponse;
  @ApiProperty({ enum: STATUSES }) status!: InsightPullStatus;
  @ApiProperty({ type: 'integer', description: 'Graph requests made (report runs, polls, pages, the account read)' })
  graphRequests!: number;
  @ApiProperty({ type: 'integer', description: 'Async report runs queued at Meta' }) asyncRuns!: number;
  @ApiProperty({ type: 'integer', description: 'Times a failed or timed-out report run was run again as two halves of its range' })
  splits!: number;
  @ApiProperty({ type: 'integer', description: 'Facts written (inserted or updated in place)' }) rowsWritten!: number;
  @ApiProperty({ type: 'integer', description: 'Facts whose values Meta had changed since the previous pull' }) rowsRestated!: number;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
}

export class InsightPullPageResponse implements Page<InsightPullDto> {
  @ApiProperty({ type: [InsightPullResponse] }) items!: InsightPullResponse[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) limit!: number;
  @ApiProperty({ type: 'integer' }) offset!: number;
}

export class InsightAccountStateResponse implements InsightAccountStateDto {
  @ApiProperty({ example: 'act_1025004400112233' }) adAccountId!: string;
  @ApiProperty({ example: 'America/New_York', description: "The account's time zone: the days of its facts" }) timeZone!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '7d_click_1d_view',
    description: 'The attribution setting the leads were counted under',
  })
  attributionSetting!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) backfilledSince!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the last successful pull ended' }) dataAsOf!:
    string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "Pulls wait until then: Meta's insights throttle" })
  throttledUntil!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
}
