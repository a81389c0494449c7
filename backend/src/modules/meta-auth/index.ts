/** MetaAuth, the Meta connection: what other modules may use of it. */
export { MetaAuthModule } from './meta-auth.module';
export { MetaIntegration } from './entities/meta-integration.entity';
export { MetaIntegrationRepository } from './connection/meta-integration.repository';
export { MetaReauthService, type ReauthTrigger } from './connection/meta-reauth.service';
export { MetaConnectionStatusService } from './connection/meta-connection-status.service';
export { MetaTokenVault, type PageTokenColumns, type SealedToken } from './token-vault/meta-token-vault.service';
export { EncryptedTokenColumns } from './token-vault/encrypted-token-columns.registry';
export { ConnectionBreakers, type CallAdmission, type ClosedBreaker } from './graph-breaker/connection-breakers.service';
export { PAUSE_HINT, pauseMessage, type GraphPause } from './graph-breaker/graph-pause';
export { ConnectionLifecycle } from './lifecycle/connection-lifecycle';
export {
  CONNECTION_ORDER,
  PAGES_CONNECTED_ELSEWHERE,
  type AuditDetails,
  type ConnectionParticipant,
  type ConnectionStatusFacts,
  type LiveConnection,
  type TokenWipe,
} from './lifecycle/connection-participant';
export { HealthFact, HealthRun } from './lifecycle/health-run';
export { META_AUTH_JOBS, META_AUTH_QUEUE, META_AUTH_QUEUE_NAME, META_AUTH_SCHEDULES, type MetaAuthJobs } from './meta-auth.jobs';
