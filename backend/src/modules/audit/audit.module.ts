import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditActors } from './audit-actors';
import { AuditController } from './audit.controller';
import { AuditLogReader } from './audit-log.reader';
import { AuditService } from './audit.service';
import { AuditEntry } from './entities/audit-entry.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  controllers: [AuditController],
  providers: [AuditService, AuditLogReader, AuditActors],
  exports: [AuditService, AuditActors],
})
export class AuditModule {}
