/** API keys: what other modules may use of them (the auth module's guard authenticates with it). */
export { ApiKeysModule } from './api-keys.module';
export { ApiKeyAuthenticator } from './api-key-authenticator.service';
