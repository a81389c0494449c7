/** Users: what other modules may use of them (the auth module signs users in with these). */
export { UsersModule } from './users.module';
export { User } from './entities/user.entity';
export { PasswordHasher } from './password-hasher.service';
export { UserCredentialsService, type LockoutPolicy } from './user-credentials.service';
export { UsersService } from './users.service';
export { type MembershipWithOrganisation } from './organisation-memberships.repository';
export { passwordProblem } from './password-policy';
