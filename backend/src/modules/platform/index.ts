/** Platform administration: the module, and the invitations the auth module accepts (signing the invitee in). */
export { PlatformModule } from './platform.module';
export { OrganisationInvitationsService } from './invitations/organisation-invitations.service';
export { OrganisationInvitation } from './entities/organisation-invitation.entity';
