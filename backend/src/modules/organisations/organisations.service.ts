import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { OrganisationDto, UpdateOrganisationRequest } from '@legeai/contracts';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { AuditService } from '../audit';
import { Organisation } from './entities/organisation.entity';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(principal: Principal): Promise<OrganisationDto> {
    const org = await this.organisations.findOneBy({ id: principal.organisationId });
    // Only possible if the organisation was deleted under a live session.
    if (!org) throw new NotFoundException('Organisation not found');
    return toOrganisationDto(org);
  }

  /** Changes the organisation's settings; each change is audited with its before and after. */
  async update(principal: Principal, change: UpdateOrganisationRequest): Promise<OrganisationDto> {
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(Organisation);
      const org = await repo.findOne({ where: { id: principal.organisationId }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw new NotFoundException('Organisation not found');
      if (change.defaultCurrency !== undefined && change.defaultCurrency !== org.defaultCurrency) {
        const from = org.defaultCurrency;
        org.defaultCurrency = change.defaultCurrency;
        await repo.save(org);
        await this.audit.recordBy(
          principal,
          'organisation.updated',
          { type: 'organisation', id: org.id },
          { before: { defaultCurrency: from }, after: { defaultCurrency: org.defaultCurrency } },
          m,
        );
      }
      return toOrganisationDto(org);
    });
  }

  async nameOf(organisationId: string): Promise<string> {
    const org = await this.organisations.findOneBy({ id: organisationId });
    return org?.name ?? '';
  }

  async defaultCurrencyOf(organisationId: string, manager?: EntityManager): Promise<string | null> {
    const repo = manager ? manager.getRepository(Organisation) : this.organisations;
    const org = await repo.findOne({ where: { id: organisationId }, select: { id: true, defaultCurrency: true } });
    return org?.defaultCurrency ?? null;
  }

  create(name: string, manager?: EntityManager): Promise<Organisation> {
    const repo = manager ? manager.getRepository(Organisation) : this.organisations;
    return repo.save(repo.create({ name: name.trim() }));
  }

  /** Every organisation's id: the alerts evaluate each one. */
  async listIds(): Promise<string[]> {
    const rows = await this.organisations.find({ select: { id: true }, order: { createdAt: 'ASC' } });
    return rows.map((org) => org.id);
  }

  /** The oldest organisation, if any: where the first admin goes when one already exists. */
  findFirst(manager?: EntityManager): Promise<Organisation | null> {
    const repo = manager ? manager.getRepository(Organisation) : this.organisations;
    return repo.findOne({ where: {}, order: { createdAt: 'ASC' } });
  }

  /** Any organisation by id: for platform administrators and the sign-in flow, which are not scoped to one. */
  findById(organisationId: string, manager?: EntityManager): Promise<Organisation | null> {
    return (manager ? manager.getRepository(Organisation) : this.organisations).findOneBy({ id: organisationId });
  }

  /** Every organisation of the deployment, oldest first (platform administrators). */
  listAll(): Promise<Organisation[]> {
    return this.organisations.find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Organisations by id, for labelling memberships. */
  async byIds(ids: readonly string[]): Promise<Map<string, Organisation>> {
    if (ids.length === 0) return new Map();
    const rows = await this.organisations.find({ where: { id: In([...ids]) } });
    return new Map(rows.map((o) => [o.id, o]));
  }

  /** Whether the organisation is suspended (or gone): its API keys and sign-ins are refused. */
  async isSuspended(organisationId: string): Promise<boolean> {
    const org = await this.organisations.findOne({ where: { id: organisationId }, select: { id: true, suspendedAt: true } });
    return !org || org.suspendedAt !== null;
  }

  /** Sets or clears the suspension; returns the organisation as it was before, or null when there is none. */
  async setSuspended(organisationId: string, suspended: boolean, manager: EntityManager): Promise<Organisation | null> {
    const repo = manager.getRepository(Organisation);
    const org = await repo.findOne({ where: { id: organisationId }, lock: { mode: 'pessimistic_write' } });
    if (!org) return null;
    const before = { ...org };
    org.suspendedAt = suspended ? (org.suspendedAt ?? new Date()) : null;
    await repo.save(org);
    return before as Organisation;
  }
}

function toOrganisationDto(org: Organisation): OrganisationDto {
  return { id: org.id, name: org.name, createdAt: org.createdAt.toISOString(), defaultCurrency: org.defaultCurrency };
}
