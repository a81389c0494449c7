import { Global, Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { cryptoConfig } from '../../config/crypto.config';
import { TokenCipher } from './token-cipher';

/**
 * Provides the `TokenCipher` built from TOKEN_ENCRYPTION_KEYS (first key encrypts, all decrypt). Moving stored tokens
 * to the current key during a rotation (reencrypt-tokens.ts) is run by the module that owns them (meta-auth).
 */
@Global()
@Module({
  providers: [
    {
      provide: TokenCipher,
      inject: [cryptoConfig.KEY],
      useFactory: (cfg: ConfigType<typeof cryptoConfig>) => new TokenCipher(cfg.keys),
    },
  ],
  exports: [TokenCipher],
})
export class CryptoModule {}
