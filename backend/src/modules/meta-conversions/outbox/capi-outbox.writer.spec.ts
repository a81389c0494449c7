import { LeadStatus } from '@legeai/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { LeadLifecycleChange, LeadLifecycleHooks } from '../../leads';
import type { CapiSenderService } from '../send/capi-sender.service';
import type { CapiOutboxRepository } from './capi-outbox.repository';
import { CapiOutboxWriter } from './capi-outbox.writer';

describe(CapiOutboxWriter.name, () => {
  const change = (kind: LeadLifecycleChange['kind']): LeadLifecycleChange => ({
    organisationId: 'o1',
    leadId: 'l1',
    from: LeadStatus.New,
    to: kind === 'status' ? LeadStatus.Qualified : LeadStatus.New,
    at: new Date(),
    kind,
  });

  function build() {
    const outbox = { writeForChanges: jest.fn().mockResolvedValue([]) };
    const sut = new CapiOutboxWriter(
      {} as LeadLifecycleHooks,
      outbox as unknown as CapiOutboxRepository,
      {} as CapiSenderService,
      {} as DataSource,
    );
    return { sut, outbox };
  }

  it('writes stage changes only: edits, duplicates and kinds it does not know are not Conversions API events', async () => {
    const { sut, outbox } = build();
    const m = {} as EntityManager;
    await sut.write(m, [change('updated'), change('duplicate'), { ...change('created'), kind: 'merged' as never }]);
    expect(outbox.writeForChanges).not.toHaveBeenCalled();

    await sut.write(m, [change('updated'), change('status'), change('duplicate'), change('created')]);
    const [[manager, written]] = outbox.writeForChanges.mock.calls as [[EntityManager, LeadLifecycleChange[]]];
    expect(manager).toBe(m);
    expect(written.map((c) => c.kind)).toEqual(['status', 'created']);
  });
});
