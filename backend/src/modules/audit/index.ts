export { AuditService } from './audit.service';
export { AuditModule } from './audit.module';
