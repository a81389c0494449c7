import { ApiProperty } from '@nestjs/swagger';
import type { LeadPipelineCounts, LeadPipelineSummaryDto } from '@legeai/contracts';

class LeadPipelineWindowDto implements LeadPipelineCounts {
  @ApiProperty({ description: 'Start of the window (ISO-8601)' }) since!: string;
  @ApiProperty({ description: 'Leads received in the window; the sum of the states below' }) received!: number;
  @ApiProperty() stored!: number;
  @ApiProperty({ description: 'Already in the store when their sync ran' }) duplicate!: number;
  @ApiProperty({ description: 'Being read or waiting for a retry' }) pending!: number;
  @ApiProperty({ description: 'Gave up; replayable from Activity' }) failed!: number;
  @ApiProperty({ description: 'Waiting for a reconnect' }) parked!: number;
  @ApiProperty({ description: 'Their Page is no longer connected' }) skipped!: number;
}

class LeadPipelineConnectionDto {
  @ApiProperty() connected!: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'active' }) status!: string | null;
  @ApiProperty({ enum: ['ok', 'warning', 'error'] }) overall!: 'ok' | 'warning' | 'error';
  @ApiProperty({ description: "Whether the connection's Graph calls are paused by its circuit breaker" }) paused!: boolean;
}

export class LeadPipelineSummaryResponseDto implements LeadPipelineSummaryDto {
  @ApiProperty({ example: 'America/Chicago' }) timezone!: string;
  @ApiProperty({ type: LeadPipelineWindowDto }) today!: LeadPipelineWindowDto;
  @ApiProperty({ type: LeadPipelineWindowDto, description: 'Since Monday midnight' }) week!: LeadPipelineWindowDto;
  @ApiProperty({ type: LeadPipelineConnectionDto }) connection!: LeadPipelineConnectionDto;
}
