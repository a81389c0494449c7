import { MetaGraphError } from '../../infra/meta-graph';
import type { MetaIntegration, MetaTokenVault } from '../meta-auth';
import type { MetaAssetsApi } from './meta-assets.api';
import { MetaAssetsService } from './meta-assets.service';
import type { MetaAdAccountsRepository } from './repositories/meta-ad-accounts.repository';
import type { MetaLeadFormsRepository } from './repositories/meta-lead-forms.repository';
import type { MetaPagesRepository } from './repositories/meta-pages.repository';

const ORG = 'org-1';
const page = (id: string, pageId: string) => ({
  id,
  pageId,
  organisationId: ORG,
  pageAccessTokenCiphertext: 'c',
  pageAccessTokenKeyId: 'k',
});

function setup(leadForms: (pageId: string) => Promise<{ id: string }[]>, heldElsewhere: string[] = []) {
  const live = { before: new Set(['f-old', 'f-keep']), after: new Set(['f-keep', 'f-new']) };
  let reads = 0;
  const calls: unknown[][] = [];
  const forms = {
    liveFormIds: async () => (reads++ === 0 ? live.before : live.after),
    upsertListed: async (...args: unknown[]) => void calls.push(['upsert', args[1], (args[2] as { id: string }).id]),
    markUnlistedRemoved: async (...args: unknown[]) => void calls.push(['removed', args[1], args[2]]),
  } as unknown as MetaLeadFormsRepository;
  const pages = {
    findActive: async () => [page('pg-1', 'page-1'), page('pg-2', 'page-2')],
    activeElsewhere: async () => new Set(heldElsewhere),
    upsertHeldElsewhere: async (...args: unknown[]) => void calls.push(['page-held-elsewhere', (args[2] as { id: string }).id]),
    upsertListed: async (...args: unknown[]) => void calls.push(['page', (args[2] as { id: string }).id, args[3]]),
    deactivateUnlisted: async (...args: unknown[]) => void calls.push(['pages-unlisted', args[1]]),
  } as unknown as MetaPagesRepository;
  const adAccounts = {
    upsertListed: async (...args: unknown[]) => void calls.push(['account', args[2]]),
    deactivateUnlisted: async (...args: unknown[]) => void calls.push(['accounts-unlisted', args[1]]),
  } as unknown as MetaAdAccountsRepository;
  const vault = {
    openPageToken: () => 'page-token',
    seal: (_o: string, t: string) => ({ ciphertext: `sealed:${t}`, keyId: 'k1' }),
  } as unknown as MetaTokenVault;
  const api = {
    leadForms,
    adAccounts: async () => [{ id: '123' }, { id: 'act_456' }],
    pages: async () => [{ id: 'page-1', access_token: 'pt' }, { id: 'page-3' }],
  } as unknown as MetaAssetsApi;
  return { service: new MetaAssetsService(api, vault, adAccounts, pages, forms), calls };
}

describe(MetaAssetsService.name, () => {
  it('mirrors the forms of every Page that answered and counts what came and went', async () => {
    const t = setup(async (pageId) => (pageId === 'page-1' ? [{ id: 'f-keep' }, { id: 'f-new' }] : []));
    expect(await t.service.syncForms(ORG)).toEqual({ total: 2, added: 1, removed: 1 });
    expect(t.calls).toEqual([
      ['upsert', 'pg-1', 'f-keep'],
      ['upsert', 'pg-1', 'f-new'],
      ['removed', ['pg-1', 'pg-2'], ['f-keep', 'f-new']],
    ]);
  });

  it('skips a Page Meta refuses for good, so its forms are not called removed', async () => {
    const t = setup(async (pageId) => {
      if (pageId === 'page-2') throw new MetaGraphError({ kind: 'permission', code: 10, message: 'no' });
      return [{ id: 'f-keep' }];
    });
    await t.service.syncForms(ORG);
    expect(t.calls.at(-1)).toEqual(['removed', ['pg-1'], ['f-keep']]);
  });

  it.each([
    ['transient', new MetaGraphError({ kind: 'transient', code: 2, message: 'hiccup' })],
    ['rate_limited', new MetaGraphError({ kind: 'rate_limited', code: 4, message: 'limit' })],
    ['not Meta’s', new Error('database gone')],
  ])('fails the run on an error that may pass (%s), marking nothing removed', async (_kind, error) => {
    const t = setup(async () => {
      throw error;
    });
    await expect(t.service.syncForms(ORG)).rejects.toBe(error);
    expect(t.calls.filter((c) => c[0] === 'removed')).toEqual([]);
  });

  it('discovers ad accounts as act_ ids and Pages with their tokens sealed, then the unlisted ones go inactive', async () => {
    const t = setup(async () => []);
    const found = await t.service.discover({ id: 'int-1', organisationId: ORG } as MetaIntegration, 'user-token');
    expect(found).toMatchObject({ adAccounts: 2, pages: 2 });
    expect(t.calls.slice(0, 6)).toEqual([
      ['account', 'act_123'],
      ['account', 'act_456'],
      ['accounts-unlisted', ['act_123', 'act_456']],
      ['page', 'page-1', { ciphertext: 'sealed:pt', keyId: 'k1' }],
      ['page', 'page-3', null],
      ['pages-unlisted', ['page-1', 'page-3']],
    ]);
  });

  it('leaves a Page another organisation has connected inactive here, without its token, and names it', async () => {
    const t = setup(async () => [], ['page-3']);
    const found = await t.service.discover({ id: 'int-1', organisationId: ORG } as MetaIntegration, 'user-token');
    expect(found.pagesConnectedElsewhere).toEqual(['page-3 (page-3)']);
    expect(t.calls.filter((c) => String(c[0]).startsWith('page'))).toEqual([
      ['page', 'page-1', { ciphertext: 'sealed:pt', keyId: 'k1' }],
      ['page-held-elsewhere', 'page-3'],
      ['pages-unlisted', ['page-1', 'page-3']],
    ]);
  });

  it('lists no ad accounts, instead of failing the connect, when the permission was declined', async () => {
    const t = setup(async () => []);
    (t.service as unknown as { api: MetaAssetsApi }).api.adAccounts = async () => {
      throw new MetaGraphError({ kind: 'permission', code: 200, message: 'ads_read', missingPermissions: ['ads_read'] });
    };
    const found = await t.service.discover({ id: 'int-1', organisationId: ORG } as MetaIntegration, 'user-token');
    expect(found.adAccounts).toBe(0);
    expect(t.calls[0]).toEqual(['accounts-unlisted', []]);
  });
});
