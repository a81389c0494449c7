import { Injectable } from '@nestjs/common';
import { TokenCipher } from '../../../infra/crypto/token-cipher';
import type { MetaIntegration } from '../entities/meta-integration.entity';

/** A row holding a sealed Page token (meta_pages), as far as opening it goes. */
export interface PageTokenColumns {
  organisationId: string;
  pageAccessTokenCiphertext: string | null;
  pageAccessTokenKeyId: string | null;
}

export interface SealedToken {
  ciphertext: string;
  keyId: string;
}

/**
 * Encrypts Meta tokens before they reach the database and opens them when a call needs them. Each ciphertext is
 * bound to its organisation (see EncryptedTokenColumns), so a row copied into another tenant does not decrypt.
 */
@Injectable()
export class MetaTokenVault {
  constructor(private readonly cipher: TokenCipher) {}

  seal(organisationId: string, token: string): SealedToken {
    return this.cipher.encrypt(token, organisationId);
  }

  open(organisationId: string, sealed: { ciphertext: string | null; keyId: string | null }): string | null {
    if (!sealed.ciphertext || !sealed.keyId) return null;
    return this.cipher.decrypt({ ciphertext: sealed.ciphertext, keyId: sealed.keyId }, organisationId);
  }

  /** The connection's user token, or null when none is stored. */
  openUserToken(integration: Pick<MetaIntegration, 'organisationId' | 'accessTokenCiphertext' | 'accessTokenKeyId'>): string | null {
    return this.open(integration.organisationId, { ciphertext: integration.accessTokenCiphertext, keyId: integration.accessTokenKeyId });
  }

  /** The page's token, or null when none is stored. */
  openPageToken(page: PageTokenColumns): string | null {
    return this.open(page.organisationId, { ciphertext: page.pageAccessTokenCiphertext, keyId: page.pageAccessTokenKeyId });
  }
}
