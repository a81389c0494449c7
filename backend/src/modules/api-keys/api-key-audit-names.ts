import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AuditActorName, AuditActors } from '../audit';
import { displayPrefix } from './api-key-format';
import { ApiKey } from './entities/api-key.entity';

/** Tells the audit log API keys' names (and display prefixes), for the entries made with them. */
@Injectable()
export class ApiKeyAuditNames implements OnModuleInit {
  constructor(
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    private readonly actors: AuditActors,
  ) {}

  onModuleInit(): void {
    this.actors.provide('api_key', { namesOf: (organisationId, ids, manager) => this.namesOf(organisationId, ids, manager) });
  }

  private async namesOf(organisationId: string, ids: readonly string[], manager?: EntityManager): Promise<Map<string, AuditActorName>> {
    const repo = manager ? manager.getRepository(ApiKey) : this.keys;
    const rows = await repo.find({ where: { organisationId, id: In([...ids]) }, select: { id: true, name: true, prefix: true } });
    return new Map(rows.map((k) => [k.id, { name: k.name, detail: displayPrefix(k.prefix) }]));
  }
}
