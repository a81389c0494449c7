import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthSession } from './entities/auth-session.entity';
import { SessionsService } from './sessions.service';

/** Login sessions on their own, so both the auth flow and user administration (deactivation) can end them. */
@Module({
  imports: [TypeOrmModule.forFeature([AuthSession])],
  providers: [SessionsService],
  exports: [SessionsService],
})
export class SessionsModule {}
