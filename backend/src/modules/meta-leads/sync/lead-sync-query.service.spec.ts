import { LeadSyncState } from '@legeai/contracts';
import type { Repository } from 'typeorm';
import type { MetaLeadFormsRepository, MetaPagesRepository } from '../../meta-assets';
import type { MetaLeadSync } from './entities/meta-lead-sync.entity';
import { LeadSyncQueryService } from './lead-sync-query.service';

const sync = (id: string, pageId: string, formId: string | null): MetaLeadSync =>
  ({
    id,
    organisationId: 'org-1',
    pageId,
    formId,
    leadgenId: `lead-${id}`,
    leadId: null,
    state: LeadSyncState.Failed,
    receivedAt: new Date('2026-12-01T10:00:00Z'),
    fetchedAt: null,
    mappedAt: null,
    storedAt: null,
    attempts: 1,
    replays: 0,
    errorKind: 'permission',
    errorCode: 200,
    errorMessage: 'Requires pages_read_engagement',
    hint: 'Grant pages_read_engagement',
    updatedAt: new Date('2026-12-01T10:01:00Z'),
  }) as MetaLeadSync;

function setup(rows: MetaLeadSync[]) {
  const lookups: { what: string; organisationId: string; ids: string[] }[] = [];
  const pages = {
    namesByMetaIds: async (organisationId: string, ids: string[]) => {
      lookups.push({ what: 'pages', organisationId, ids });
      return new Map([['p1', 'Acme Insurance']]);
    },
  } as unknown as MetaPagesRepository;
  const forms = {
    namesByMetaIds: async (organisationId: string, ids: string[]) => {
      lookups.push({ what: 'forms', organisationId, ids });
      return new Map([['f1', 'Spring offer']]);
    },
  } as unknown as MetaLeadFormsRepository;
  const repo = {
    findAndCount: async () => [rows, rows.length],
    findOne: async ({ where }: { where: { id: string } }) => rows.find((row) => row.id === where.id) ?? null,
  } as unknown as Repository<MetaLeadSync>;
  return { service: new LeadSyncQueryService(repo, pages, forms), lookups };
}

describe('LeadSyncQueryService names', () => {
  it('names Pages and forms with one lookup each for the whole page of results, null when unknown', async () => {
    const { service, lookups } = setup([sync('a', 'p1', 'f1'), sync('b', 'p2', 'f2'), sync('c', 'p1', null)]);
    const page = await service.list('org-1', { state: LeadSyncState.Failed });
    expect(page.items.map((item) => [item.pageId, item.pageName, item.formId, item.formName])).toEqual([
      ['p1', 'Acme Insurance', 'f1', 'Spring offer'],
      ['p2', null, 'f2', null],
      ['p1', 'Acme Insurance', null, null],
    ]);
    expect(lookups).toEqual([
      { what: 'pages', organisationId: 'org-1', ids: ['p1', 'p2', 'p1'] },
      { what: 'forms', organisationId: 'org-1', ids: ['f1', 'f2'] },
    ]);
  });

  it('names the one sync read by id', async () => {
    const { service } = setup([sync('a', 'p1', 'f1')]);
    await expect(service.get('org-1', 'a')).resolves.toMatchObject({ pageName: 'Acme Insurance', formName: 'Spring offer' });
  });
});
