import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  HealthCheckLevel,
  MetaAuthUrlResponse,
  MetaConnectionStatus,
  MetaGraphPause,
  MetaHealthCheck,
  MetaIntegrationStatus,
  MetaTokenType,
} from '@legeai/contracts';

/** Swagger shapes of the contracts in libs/contracts/src/meta.ts (the interfaces are the source of truth). */
export class MetaAuthUrlResponseDto implements MetaAuthUrlResponse {
  @ApiProperty({ description: "Meta's login dialog URL, with a single-use state" }) url!: string;
  @ApiProperty({ description: 'Seconds until the state expires' }) expiresIn!: number;
  @ApiProperty({ type: [String], description: 'The permissions the product needs' }) scopes!: string[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The Facebook Login for Business configuration the dialog uses instead of a scope list (META_LOGIN_CONFIG_ID)',
  })
  loginConfigId!: string | null;
}

export class MetaHealthCheckDto implements MetaHealthCheck {
  @ApiProperty({
    enum: [
      'token',
      'token_expiry',
      'permissions',
      'page_subscriptions',
      'app_subscription',
      'lead_forms',
      'last_webhook',
      'api_version',
      'graph_calls',
      'app_mode',
      'leads_access',
      'page_tasks',
      'permission_access',
    ],
    description: 'app_mode, leads_access, page_tasks and permission_access are setup problems, present only when found',
  })
  key!: MetaHealthCheck['key'];
  @ApiProperty({ enum: ['ok', 'warning', 'error'] }) level!: HealthCheckLevel;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: 'What the admin can do about it' }) hint?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: "The moment the message speaks of (the last webhook, the token's expiry); the message writes it as atText, in UTC",
  })
  at?: string;
  @ApiPropertyOptional({ description: 'The part of message that writes at, which a client may show in its own time zone instead' })
  atText?: string;
  @ApiPropertyOptional({ description: "Meta's page about the problem and its fix" }) helpUrl?: string;
}

class MetaBusinessRefDto {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
}

class MetaUserRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

class MetaCountsDto {
  @ApiProperty() adAccounts!: number;
  @ApiProperty() pages!: number;
  @ApiProperty() leadForms!: number;
}

class MetaGraphPauseDto implements MetaGraphPause {
  @ApiProperty({ description: 'When the calls were paused (ISO-8601)' }) since!: string;
  @ApiProperty({ description: 'Failed calls since then, the ones that caused the pause included' }) failures!: number;
  @ApiProperty({ description: 'When the next probe call may go (ISO-8601)' }) nextProbeAt!: string;
  @ApiProperty({ description: 'Whether a probe call is out now' }) probing!: boolean;
  @ApiProperty({ nullable: true, type: String, description: "The last failure's message" }) lastError!: string | null;
}

export class MetaConnectionStatusDto implements MetaConnectionStatus {
  @ApiProperty() connected!: boolean;
  @ApiProperty({ enum: MetaIntegrationStatus, nullable: true }) status!: MetaIntegrationStatus | null;
  @ApiProperty({ description: 'Whether the bundled sandbox stands in for Meta' }) sandbox!: boolean;
  @ApiProperty() apiVersion!: string;
  @ApiProperty({ type: MetaUserRefDto, nullable: true }) metaUser!: { id: string; name: string } | null;
  @ApiProperty({
    enum: ['USER', 'SYSTEM_USER'],
    nullable: true,
    description: "USER: a person's token; SYSTEM_USER: a business integration system user token (Login for Business)",
  })
  tokenType!: MetaTokenType | null;
  @ApiProperty({ type: MetaBusinessRefDto, nullable: true, description: 'The business a SYSTEM_USER token belongs to' })
  business!: { id: string; name: string | null } | null;
  @ApiProperty({ type: [String] }) grantedScopes!: string[];
  @ApiProperty({ type: [String] }) missingScopes!: string[];
  @ApiProperty({ nullable: true, type: String }) tokenExpiresAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) dataAccessExpiresAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) connectedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastCheckedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastWebhookAt!: string | null;
  @ApiProperty({ enum: ['ok', 'warning', 'error'] }) overall!: HealthCheckLevel;
  @ApiProperty({
    type: [MetaHealthCheckDto],
    description: 'The last health check, preceded by a live graph_calls check while calls are paused',
  })
  checks!: MetaHealthCheck[];
  @ApiProperty({ type: MetaCountsDto }) counts!: { adAccounts: number; pages: number; leadForms: number };
  @ApiProperty({
    type: MetaGraphPauseDto,
    nullable: true,
    description: "Set while the connection's Graph calls are paused because Meta kept failing them; ends when a probe call succeeds",
  })
  graphPause!: MetaGraphPause | null;
}

export class DataDeletionAnswerDto {
  @ApiProperty({ description: 'Where the person can check the status of the deletion' }) url!: string;
  @ApiProperty() confirmation_code!: string;
}

export class DataDeletionStatusDto {
  @ApiProperty() confirmationCode!: string;
  @ApiProperty({ enum: ['received', 'completed'] }) status!: string;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty() message!: string;
}
