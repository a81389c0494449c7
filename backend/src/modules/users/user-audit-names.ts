import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AuditActorName, AuditActors } from '../audit';
import { User } from './entities/user.entity';

/**
 * Tells the audit log users' names (and emails), for the entries they made. Not filtered by organisation: a platform
 * administrator acts on organisations they are no member of (creating, suspending, inviting), and is named there.
 */
@Injectable()
export class UserAuditNames implements OnModuleInit {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly actors: AuditActors,
  ) {}

  onModuleInit(): void {
    this.actors.provide('user', { namesOf: (organisationId, ids, manager) => this.namesOf(organisationId, ids, manager) });
  }

  private async namesOf(_organisationId: string, ids: readonly string[], manager?: EntityManager): Promise<Map<string, AuditActorName>> {
    const repo = manager ? manager.getRepository(User) : this.users;
    const rows = await repo.find({ where: { id: In([...ids]) }, select: { id: true, name: true, email: true } });
    return new Map(rows.map((u) => [u.id, { name: u.name.trim() || u.email, detail: u.email }]));
  }
}
