import { AlertEventType, DEFAULT_ALERT_SETTINGS, MetaIntegrationStatus } from '@legeai/contracts';
import type { MetaIntegration, MetaIntegrationRepository } from '../../meta-auth';
import { MetaConnectionConditions } from './meta-connection.conditions';

const NOW = new Date('2026-12-05T12:00:00Z');
const DAY = 24 * 3_600_000;

function sutWith(integration: Partial<MetaIntegration> | null): MetaConnectionConditions {
  const integrations = { findLive: async () => integration as MetaIntegration | null } as unknown as MetaIntegrationRepository;
  return new MetaConnectionConditions(integrations);
}

const evaluate = (sut: MetaConnectionConditions) => sut.evaluate({ organisationId: 'org-1', settings: DEFAULT_ALERT_SETTINGS, now: NOW });
const active = { status: MetaIntegrationStatus.Active, statusReason: null, tokenExpiresAt: null, dataAccessExpiresAt: null };

describe(MetaConnectionConditions.name, () => {
  it('answers nothing without a connection, or for a healthy one', async () => {
    expect(await evaluate(sutWith(null))).toEqual([]);
    expect(await evaluate(sutWith({ ...active, tokenExpiresAt: new Date(NOW.getTime() + 30 * DAY) }))).toEqual([]);
  });

  it("answers a reconnect, with Meta's reason, while the token is refused (and not the expiry besides)", async () => {
    const findings = await evaluate(
      sutWith({
        ...active,
        status: MetaIntegrationStatus.ReauthRequired,
        statusReason: 'password changed',
        tokenExpiresAt: new Date(NOW.getTime() + DAY),
      }),
    );
    expect(findings.map((f) => [f.key, f.eventType])).toEqual([['reauth_required', AlertEventType.ReauthRequired]]);
    expect(findings[0].body).toContain('(password changed)');
  });

  it('answers an expiry within 7 days, of the token or of the data access, naming the earlier', async () => {
    const dataAccessEnd = new Date(NOW.getTime() + 2 * DAY);
    const findings = await evaluate(
      sutWith({ ...active, tokenExpiresAt: new Date(NOW.getTime() + 6 * DAY), dataAccessExpiresAt: dataAccessEnd }),
    );
    expect(findings.map((f) => f.key)).toEqual(['token_expiring']);
    expect(findings[0].body).toContain('2026-12-07 12:00 UTC');
    expect(findings[0].title).toBe("The Meta connection's access ends soon");
  });

  it('says the access has ended once the time passed', async () => {
    const findings = await evaluate(sutWith({ ...active, tokenExpiresAt: new Date(NOW.getTime() - DAY) }));
    expect(findings[0].title).toBe("The Meta connection's access has ended");
  });

  it('does not count an expiry 8 days away', async () => {
    expect(await evaluate(sutWith({ ...active, tokenExpiresAt: new Date(NOW.getTime() + 8 * DAY) }))).toEqual([]);
  });
});
