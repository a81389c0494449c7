import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { Organisation } from './entities/organisation.entity';
import { OrganisationsController } from './organisations.controller';
import { OrganisationStateListeners } from './organisation-state-listeners';
import { OrganisationsService } from './organisations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organisation]), AuditModule],
  controllers: [OrganisationsController],
  providers: [OrganisationsService, OrganisationStateListeners],
  exports: [OrganisationsService, OrganisationStateListeners],
})
export class OrganisationsModule {}
