/** The append-only audit log: what other modules may use of it. */
export { AuditModule } from './audit.module';
export { AuditService } from './audit.service';
