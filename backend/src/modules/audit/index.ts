/** The append-only audit log: what other modules may use of it. */
export { AuditModule } from './audit.module';
export { AuditService } from './audit.service';
export type { AuditDetails } from './audit.service';
export { AuditActors } from './audit-actors';
export type { AuditActorName, AuditActorSource } from './audit-actors';
