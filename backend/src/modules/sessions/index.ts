export { SessionsModule } from './sessions.module';
export { SessionsService, type ClientContext } from './sessions.service';
