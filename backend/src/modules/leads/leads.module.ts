import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { Lead } from './entities/lead.entity';
import { LeadRowsQuery } from './lead-rows.query';
import { LeadsExportService } from './leads-export.service';
import { LeadsController } from './leads.controller';
import { LeadsService } from './leads.service';

/** The LEGEAI lead store and its REST API. */
@Module({
  imports: [TypeOrmModule.forFeature([Lead]), AuditModule],
  controllers: [LeadsController],
  providers: [LeadsService, LeadsExportService, LeadRowsQuery],
  exports: [TypeOrmModule],
})
export class LeadsModule {}
