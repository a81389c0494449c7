import { InsightMetrics, InsightRowDto } from '@legeai/contracts';
import { conversionsSent, leadQuality, rate } from './lead-quality';

const opts = { locale: 'en-US' };

function row(metrics: Partial<InsightMetrics>, conversions?: InsightRowDto['conversions']): InsightRowDto {
  return {
    level: 'campaign',
    objectId: '9001',
    name: 'Auto – Spring',
    adAccountId: 'act_111',
    campaignId: '9001',
    adsetId: null,
    adId: null,
    breakdownKey: null,
    currency: 'USD',
    metrics: { qualifiedRate: null, wonRate: null, ...metrics } as InsightMetrics,
    ...(conversions && { conversions }),
  };
}

describe('lead quality in the campaign table', () => {
  it('shows the qualified and won rates of the stored leads as plain shares', () => {
    expect(leadQuality(row({ qualifiedRate: 0.5, wonRate: 0.125 }), opts)).toEqual({ qualified: '50%', won: '12.5%' });
    expect(rate(1, opts)).toBe('100%');
    expect(rate(0, opts)).toBe('0%');
  });

  it('says "No value" for a campaign without stored leads, never 0% or NaN', () => {
    expect(leadQuality(row({ qualifiedRate: null, wonRate: null }), opts)).toEqual({ qualified: 'No value', won: 'No value' });
  });

  it("tells the Conversions API events of the campaign's leads: accepted of sent, none sent, or no value", () => {
    expect(conversionsSent(row({}, { sent: 1250, accepted: 1248 }), opts)).toBe('1,248 of 1,250 accepted');
    expect(conversionsSent(row({}, { sent: 0, accepted: 0 }), opts)).toBe('None sent');
    expect(conversionsSent(row({}), opts)).toBe('No value');
  });
});
