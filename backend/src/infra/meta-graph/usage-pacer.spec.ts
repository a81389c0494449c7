import { MetaGraphError } from './meta-graph-error';
import { UsagePacer, type PacingOptions } from './usage-pacer';

const options: PacingOptions = { thresholdPct: 90, minPauseMs: 60_000, rateLimitPauseMs: 30_000 };

function setup() {
  let now = 1_000_000;
  const sut = new UsagePacer(options, () => now);
  return { sut, advance: (ms: number) => (now += ms), now: () => now };
}

const buc = (id: string, type: string, callCount: number, regainMin: number) =>
  JSON.stringify({
    [id]: [{ type, call_count: callCount, total_cputime: 10, total_time: 10, estimated_time_to_regain_access: regainMin }],
  });

describe(UsagePacer.name, () => {
  it('does nothing while usage stays under the threshold', () => {
    const { sut } = setup();
    sut.observe(
      {
        'x-app-usage': '{"call_count":28,"total_time":25,"total_cputime":25}',
        'x-ad-account-usage': '{"acc_id_util_pct":9.67,"reset_time_duration":100}',
        'x-business-use-case-usage': buc('123', 'ads_management', 50, 0),
      },
      { adAccountId: 'act_123' },
    );
    expect(sut.pauses()).toEqual([]);
    expect(sut.blocking({ adAccountId: 'act_123' })).toBeUndefined();
  });

  it('pauses the ad account (not others) when its usage passes the threshold, for the reset time', () => {
    const { sut, advance } = setup();
    sut.observe({ 'X-Ad-Account-Usage': '{"acc_id_util_pct":95,"reset_time_duration":300}' }, { adAccountId: 'act_123' });
    expect(sut.blocking({ adAccountId: '123' })).toMatchObject({ scope: 'ad_account', id: '123', usagePct: 95 });
    expect(sut.blocking({ adAccountId: 'act_456' })).toBeUndefined();
    expect(sut.blocking({})).toBeUndefined();
    advance(299_999);
    expect(sut.blocking({ adAccountId: 'act_123' })).toBeDefined();
    advance(1);
    expect(sut.blocking({ adAccountId: 'act_123' })).toBeUndefined();
    expect(sut.pauses()).toEqual([]);
  });

  it('pauses a business object until the regain time Meta announces', () => {
    const { sut, now } = setup();
    sut.observe({ 'x-business-use-case-usage': buc('777', 'leadgen', 100, 12) }, { businessId: '777' });
    const pause = sut.blocking({ businessId: '777' });
    expect(pause).toMatchObject({ scope: 'business', id: '777', reason: 'x-business-use-case-usage:leadgen' });
    expect(pause!.until - now()).toBe(12 * 60_000);
  });

  it('honours a regain time even below the threshold', () => {
    const { sut, now } = setup();
    sut.observe({ 'x-business-use-case-usage': buc('777', 'ads_insights', 40, 2) }, {});
    expect(sut.blocking({ businessId: '777' })!.until - now()).toBe(120_000);
  });

  it('applies at least the minimum pause when usage is high but no regain time is given', () => {
    const { sut, now } = setup();
    sut.observe({ 'x-business-use-case-usage': buc('123', 'ads_management', 97, 0) }, {});
    // The BUC key of an ad account is its numeric id, so act_123 is blocked too.
    expect(sut.blocking({ adAccountId: 'act_123' })!.until - now()).toBe(60_000);
  });

  it('pauses everything when the app-level usage is high', () => {
    const { sut } = setup();
    sut.observe({ 'x-app-usage': '{"call_count":91,"total_time":5,"total_cputime":5}' }, {});
    expect(sut.blocking({ adAccountId: 'act_1' })).toMatchObject({ scope: 'app' });
    expect(sut.blocking({})).toMatchObject({ scope: 'app', usagePct: 91 });
  });

  it('ignores malformed headers', () => {
    const { sut } = setup();
    sut.observe({ 'x-app-usage': 'not json', 'x-business-use-case-usage': '[1,2]' }, { adAccountId: 'act_1' });
    expect(sut.pauses()).toEqual([]);
  });

  it('keeps the longer of two pauses for the same scope', () => {
    const { sut, now } = setup();
    sut.observe({ 'x-business-use-case-usage': buc('9', 'pages', 100, 10) }, {});
    sut.observe({ 'x-business-use-case-usage': buc('9', 'pages', 100, 1) }, {});
    expect(sut.blocking({ businessId: '9' })!.until - now()).toBe(600_000);
  });

  describe('after a rate-limit error', () => {
    const err = (code: number, retryAfterMs?: number) => new MetaGraphError({ kind: 'rate_limited', message: 'limit', code, retryAfterMs });

    it('pauses the app for code 4', () => {
      const { sut } = setup();
      sut.onRateLimited(err(4), { adAccountId: 'act_1' });
      expect(sut.blocking({ businessId: 'x' })).toMatchObject({ scope: 'app' });
    });

    it('pauses only the ad account for 613, for the regain time given', () => {
      const { sut, now } = setup();
      sut.onRateLimited(err(613, 90_000), { adAccountId: 'act_1' });
      expect(sut.blocking({ adAccountId: 'act_1' })!.until - now()).toBe(90_000);
      expect(sut.blocking({ adAccountId: 'act_2' })).toBeUndefined();
    });

    it('pauses the business for 80004 with the default pause when no time is given', () => {
      const { sut, now } = setup();
      sut.onRateLimited(err(80004), { businessId: '55' });
      expect(sut.blocking({ businessId: '55' })).toMatchObject({ scope: 'business', id: '55' });
      expect(sut.blocking({ businessId: '55' })!.until - now()).toBe(30_000);
      expect(sut.blocking({})).toBeUndefined();
    });
  });
});
