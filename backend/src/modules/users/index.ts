export { UsersModule } from './users.module';
export { User } from './entities/user.entity';
export { PasswordHasher } from './password-hasher.service';
export { UserCredentialsService } from './user-credentials.service';
export { UsersService } from './users.service';
export type { LockoutPolicy } from './user-credentials.service';
