import { ApiProperty } from '@nestjs/swagger';
import { LeadSyncState, type ReplayableLeadSyncState, type ReplayLeadSyncsRequest } from '@legeai/contracts';
import { IsIn } from 'class-validator';

export class ReplayLeadSyncsDto implements ReplayLeadSyncsRequest {
  @ApiProperty({ enum: [LeadSyncState.Failed, LeadSyncState.Parked], description: 'Replay every lead sync in this state' })
  @IsIn([LeadSyncState.Failed, LeadSyncState.Parked])
  state!: ReplayableLeadSyncState;
}
