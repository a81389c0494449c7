import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { OrganisationsModule } from '../organisations';
import { SessionsModule } from '../sessions';
import { UsersModule } from '../users';
import { OrganisationInvitation } from './entities/organisation-invitation.entity';
import { OrganisationInvitationsService } from './invitations/organisation-invitations.service';
import { PlatformOrganisationsController } from './platform-organisations.controller';
import { PlatformOrganisationsService } from './platform-organisations.service';

/** Platform administration: the deployment's organisations and the invitations of their admins. */
@Module({
  imports: [TypeOrmModule.forFeature([OrganisationInvitation]), OrganisationsModule, UsersModule, SessionsModule, AuditModule],
  controllers: [PlatformOrganisationsController],
  providers: [PlatformOrganisationsService, OrganisationInvitationsService],
  exports: [OrganisationInvitationsService],
})
export class PlatformModule {}
