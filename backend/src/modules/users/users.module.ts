import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { SessionsModule } from '../sessions';
import { OrganisationsModule } from '../organisations';
import { OrganisationMembership } from './entities/organisation-membership.entity';
import { User } from './entities/user.entity';
import { OrganisationMembershipsRepository } from './organisation-memberships.repository';
import { FIRST_ADMIN_BANNER_WRITER, FirstAdminBootstrap } from './first-admin.bootstrap';
import { PasswordHasher } from './password-hasher.service';
import { UserAuditNames } from './user-audit-names';
import { UserCredentialsService } from './user-credentials.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, OrganisationMembership]), SessionsModule, OrganisationsModule, AuditModule],
  controllers: [UsersController],
  providers: [
    UsersService,
    OrganisationMembershipsRepository,
    UserCredentialsService,
    UserAuditNames,
    PasswordHasher,
    FirstAdminBootstrap,
    { provide: FIRST_ADMIN_BANNER_WRITER, useValue: (text: string) => process.stdout.write(text) },
  ],
  exports: [UsersService, UserCredentialsService, PasswordHasher],
})
export class UsersModule {}
