import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { OrganisationDto } from '@legeai/contracts';
import { EntityManager, Repository } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { Organisation } from './entities/organisation.entity';

@Injectable()
export class OrganisationsService {
  constructor(@InjectRepository(Organisation) private readonly organisations: Repository<Organisation>) {}

  async get(principal: Principal): Promise<OrganisationDto> {
    const org = await this.organisations.findOneBy({ id: principal.organisationId });
    // Only possible if the organisation was deleted under a live session.
    if (!org) throw new NotFoundException('Organisation not found');
    return { id: org.id, name: org.name, createdAt: org.createdAt.toISOString() };
  }

  async nameOf(organisationId: string): Promise<string> {
    const org = await this.organisations.findOneBy({ id: organisationId });
    return org?.name ?? '';
  }

  create(name: string, manager?: EntityManager): Promise<Organisation> {
    const repo = manager ? manager.getRepository(Organisation) : this.organisations;
    return repo.save(repo.create({ name }));
  }

  /** The oldest organisation, if any: where the first admin goes when one already exists. */
  findFirst(manager?: EntityManager): Promise<Organisation | null> {
    const repo = manager ? manager.getRepository(Organisation) : this.organisations;
    return repo.findOne({ where: {}, order: { createdAt: 'ASC' } });
  }
}
