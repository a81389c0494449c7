import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { ApiKeyDto, CreateApiKeyRequest, CreatedApiKeyResponse } from '@legeai/contracts';
import { DataSource, Repository } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { AuditService } from '../audit';
import { displayPrefix, generateApiKey } from './api-key-format';
import { ApiKey } from './entities/api-key.entity';

/** Creating, listing and revoking the organisation's API keys. */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal): Promise<ApiKeyDto[]> {
    const rows = await this.keys.find({
      where: { organisationId: principal.organisationId },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    return rows.map(toApiKeyDto);
  }

  /** The only moment the full key exists outside the caller's hands: it is returned here and never again. */
  async create(principal: Principal, request: CreateApiKeyRequest): Promise<CreatedApiKeyResponse> {
    const generated = generateApiKey();
    const row = await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(ApiKey);
      const saved = await repo.save(
        repo.create({
          organisationId: principal.organisationId,
          name: request.name.trim(),
          prefix: generated.prefix,
          keyHash: generated.hash,
          role: request.role,
          createdBy: principal.kind === 'user' ? principal.id : null,
        }),
      );
      await this.audit.recordBy(
        principal,
        'api_key.created',
        { type: 'api_key', id: saved.id },
        { before: null, after: { name: saved.name, prefix: displayPrefix(saved.prefix), role: saved.role } },
        m,
      );
      return saved;
    });
    return { ...toApiKeyDto(row), key: generated.key };
  }

  /** Revokes a key at once (no cache sits in front of key checks). Revoking twice is harmless. */
  async revoke(principal: Principal, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(ApiKey);
      const key = await repo.findOne({
        where: { id, organisationId: principal.organisationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!key) throw new NotFoundException('API key not found');
      if (key.revokedAt) return;
      const revokedAt = new Date();
      await repo.update(key.id, { revokedAt });
      await this.audit.recordBy(
        principal,
        'api_key.revoked',
        { type: 'api_key', id: key.id },
        {
          name: key.name,
          prefix: displayPrefix(key.prefix),
          before: { revokedAt: null },
          after: { revokedAt: revokedAt.toISOString() },
        },
        m,
      );
    });
  }
}

function toApiKeyDto(row: ApiKey): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    prefix: displayPrefix(row.prefix),
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
