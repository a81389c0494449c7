import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** How an actor is shown: a user's name and email, an API key's name and prefix. */
export interface AuditActorName {
  name: string;
  detail: string | null;
}

export type NamedActorType = 'user' | 'api_key';

/** Where the names of one kind of actor come from; filled by the module that owns them (users, api-keys). */
export interface AuditActorSource {
  /** Current names of the organisation's actors among `ids`; an id missing from the answer no longer exists. */
  namesOf(organisationId: string, ids: readonly string[], manager?: EntityManager): Promise<Map<string, AuditActorName>>;
}

/**
 * The slot through which the audit log learns actors' names without importing the modules that own users and keys
 * (they import the audit log): each registers its source when it initialises.
 */
@Injectable()
export class AuditActors {
  private readonly sources = new Map<NamedActorType, AuditActorSource>();

  provide(type: NamedActorType, source: AuditActorSource): void {
    if (this.sources.has(type)) throw new Error(`Audit actor names of ${type} are provided twice`);
    this.sources.set(type, source);
  }

  async namesOf(
    organisationId: string,
    type: NamedActorType,
    ids: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, AuditActorName>> {
    const source = this.sources.get(type);
    const unique = [...new Set(ids)];
    if (!source || unique.length === 0) return new Map();
    return source.namesOf(organisationId, unique, manager);
  }

  async nameOf(organisationId: string, type: NamedActorType, id: string, manager?: EntityManager): Promise<AuditActorName | null> {
    return (await this.namesOf(organisationId, type, [id], manager)).get(id) ?? null;
  }
}
