import { ApiProperty } from '@nestjs/swagger';
import {
  CAPI_EVENT_STATES,
  LEAD_STATUSES,
  LeadStatus,
  type CapiDatasetDto,
  type CapiEventDto,
  type CapiEventNames,
  type CapiEventState,
  type CapiMetaAnswer,
  type CapiOverviewDto,
  type CapiOverviewRow,
  type CapiReplayResult,
  type CapiSettingsDto,
  type Page,
} from '@legeai/contracts';

class CapiEventNamesResponse implements CapiEventNames {
  @ApiProperty({ type: String, nullable: true, example: 'Lead' }) [LeadStatus.New]!: string | null;
  @ApiProperty({ type: String, nullable: true }) [LeadStatus.Contacted]!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Qualified Lead' }) [LeadStatus.Qualified]!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Quoted' }) [LeadStatus.Quoted]!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Converted' }) [LeadStatus.Won]!: string | null;
  @ApiProperty({ type: String, nullable: true }) [LeadStatus.Lost]!: string | null;
}

export class CapiSettingsResponse implements CapiSettingsDto {
  @ApiProperty({ type: String, nullable: true }) adAccountId!: string | null;
  @ApiProperty({ type: String, nullable: true }) datasetId!: string | null;
  @ApiProperty({ type: String, nullable: true }) datasetName!: string | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty() includeOrganic!: boolean;
  @ApiProperty() includeTest!: boolean;
  @ApiProperty({ type: CapiEventNamesResponse }) eventNames!: CapiEventNames;
  @ApiProperty({ type: String, nullable: true, description: "Set when events go to Events Manager's Test events" })
  testEventCode!: string | null;
  @ApiProperty({ example: 'LEGEAI' }) leadEventSource!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) updatedAt!: string | null;
}

export class CapiDatasetResponse implements CapiDatasetDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) createdTime!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastFiredTime!: string | null;
}

class CapiAnswerError {
  @ApiProperty({ type: Number, nullable: true }) code!: number | null;
  @ApiProperty() kind!: string;
  @ApiProperty() message!: string;
}

class CapiMetaAnswerResponse implements CapiMetaAnswer {
  @ApiProperty({ type: Number, nullable: true }) eventsReceived!: number | null;
  @ApiProperty({ type: [String] }) messages!: string[];
  @ApiProperty({ type: String, nullable: true }) fbtraceId!: string | null;
  @ApiProperty({ type: CapiAnswerError, nullable: true }) error!: CapiAnswerError | null;
}

export class CapiEventResponse implements CapiEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) leadId!: string;
  @ApiProperty() metaLeadId!: string;
  @ApiProperty({ enum: LEAD_STATUSES }) status!: LeadStatus;
  @ApiProperty({ example: 'Qualified Lead' }) eventName!: string;
  @ApiProperty({ example: '1234567890123456:qualified' }) eventId!: string;
  @ApiProperty({ enum: CAPI_EVENT_STATES }) state!: CapiEventState;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
  @ApiProperty({ format: 'date-time' }) eventTime!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) sentAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) acceptedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: CapiMetaAnswerResponse, nullable: true }) answer!: CapiMetaAnswer | null;
  @ApiProperty({ type: String, nullable: true }) testEventCode!: string | null;
}

export class CapiEventPageResponse implements Page<CapiEventDto> {
  @ApiProperty({ type: [CapiEventResponse] }) items!: CapiEventDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

class CapiOverviewRowResponse implements CapiOverviewRow {
  @ApiProperty({ example: '2025-11-29' }) day!: string;
  @ApiProperty({ enum: LEAD_STATUSES }) status!: LeadStatus;
  @ApiProperty() eventName!: string;
  @ApiProperty() sent!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() expired!: number;
  @ApiProperty() pending!: number;
}

class CapiOverviewTotals {
  @ApiProperty() sent!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() expired!: number;
  @ApiProperty() pending!: number;
}

class CapiFailureReason {
  @ApiProperty() reason!: string;
  @ApiProperty() count!: number;
}

export class CapiOverviewResponse implements CapiOverviewDto {
  @ApiProperty() days!: number;
  @ApiProperty({ type: [CapiOverviewRowResponse] }) rows!: CapiOverviewRow[];
  @ApiProperty({ type: CapiOverviewTotals }) totals!: CapiOverviewTotals;
  @ApiProperty({ type: [CapiFailureReason] }) failureReasons!: CapiFailureReason[];
}

export class CapiReplayResponse implements CapiReplayResult {
  @ApiProperty() replayed!: number;
}
