/** Login sessions (refresh-token families): what the auth and users modules use of them. */
export { SessionsModule } from './sessions.module';
export { SessionsService, type ClientContext } from './sessions.service';
