export { ApiKeysModule } from './api-keys.module';
export { ApiKeyAuthenticator } from './api-key-authenticator.service';
