import { ApiProperty } from '@nestjs/swagger';
import type { WebhookAck, WebhookOutcome } from '../ingest/webhook-ingest.service';

export class WebhookAckDto implements WebhookAck {
  @ApiProperty({
    enum: ['accepted', 'duplicate', 'ignored'],
    description:
      'accepted: stored, lead jobs queued (or queued later by the relay); duplicate: this exact body was already stored; ignored: stored, no leads of a connected Page in it',
  })
  outcome!: WebhookOutcome;
}
