import { Global, Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { cryptoConfig } from '../../config/crypto.config';
import { TokenCipher } from './token-cipher';
import { TokenReencryptionService } from './token-reencryption.service';

/**
 * Provides the `TokenCipher` built from TOKEN_ENCRYPTION_KEYS (first key encrypts, all decrypt) and the
 * re-encryption that moves stored tokens to the current key during a rotation.
 */
@Global()
@Module({
  providers: [
    {
      provide: TokenCipher,
      inject: [cryptoConfig.KEY],
      useFactory: (cfg: ConfigType<typeof cryptoConfig>) => new TokenCipher(cfg.keys),
    },
    TokenReencryptionService,
  ],
  exports: [TokenCipher, TokenReencryptionService],
})
export class CryptoModule {}
