import { ApiProperty } from '@nestjs/swagger';
import type { WebhookAck, WebhookOutcome } from '../ingest/webhook-ingest.service';

export class WebhookAckDto implements WebhookAck {
  @ApiProperty({
    enum: ['accepted', 'duplicate', 'ignored', 'quarantined'],
    description:
      'accepted: stored, with leadgen changes; their jobs are queued right after the answer (or later by the relay), and those of Pages nobody connected are recorded as ignored. duplicate: this exact body was already stored. ignored: stored, no leadgen change in it. quarantined: signed, but not a readable delivery (not application/json, not UTF-8, not JSON, or a string PostgreSQL cannot hold); kept as raw bytes with the reason, nothing is queued',
  })
  outcome!: WebhookOutcome;
}
