import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Role } from '@legeai/contracts';

import { aCampaign, aPage, anAd, anAdSet } from '../../../../testing/ads-factories';
import { aCurrentUser } from '../../../../testing/factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { signIn } from '../../../../testing/sign-in';
import { CampaignDetailPage } from './campaign-detail-page';

describe('CampaignDetailPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  const campaign = aCampaign();

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        ...provideTestConsole(),
        provideRouter([{ path: 'ads/campaigns/:id', component: CampaignDetailPage }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signIn(aCurrentUser({ role: Role.Manager }));
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  const text = () => (harness.routeNativeElement?.textContent ?? '').replace(/\s+/g, ' ');
  const isList = (url: string) => (req: { method: string; url: string }) => req.method === 'GET' && req.url === url;

  async function answerChildren(): Promise<void> {
    const adSets = http.expectOne(isList('/v1/integrations/meta/adsets'));
    expect(adSets.request.params.get('campaignId')).toBe(campaign.campaignId);
    adSets.flush(aPage([anAdSet()]));
    const ads = http.expectOne(isList('/v1/integrations/meta/ads'));
    expect(ads.request.params.get('campaignId')).toBe(campaign.campaignId);
    ads.flush(aPage([anAd()]));
    await harness.fixture.whenStable();
  }

  it("opened by its address, finds the campaign in its account's list page by page, and shows its ad sets and ads", async () => {
    await harness.navigateByUrl(`/ads/campaigns/${campaign.campaignId}?account=act_1015012345`, CampaignDetailPage);

    const first = http.expectOne(isList('/v1/integrations/meta/campaigns'));
    expect(first.request.params.get('adAccountId')).toBe('act_1015012345');
    expect(first.request.params.get('offset')).toBe('0');
    first.flush({ items: [aCampaign({ id: 'c-9', campaignId: '1' })], total: 2, limit: 1, offset: 0 });
    const second = http.expectOne(isList('/v1/integrations/meta/campaigns'));
    expect(second.request.params.get('offset')).toBe('1');
    second.flush({ items: [campaign], total: 2, limit: 1, offset: 1 });
    await answerChildren();

    expect(text()).toContain('Home insurance NJ');
    expect(text()).toContain('$100.00 per day');
    expect(text()).toContain('Financial products and services in United States');
    // The ad set: optimisation, budget at the campaign, audience.
    expect(text()).toContain('Quality leads');
    expect(text()).toContain('Campaign budget');
    expect(text()).toContain('United States · New Jersey · 18–65+ · all genders');
    // The ad: creative, lead form and Meta's review feedback.
    expect(text()).toContain('Get a quote in 2 minutes');
    expect(text()).toContain('Lead form: Home quote');
    expect(text()).toContain('Rejected in review: Financial services.');
    expect(text()).toContain('Ads about financial products must not imply personal attributes.');
  });

  it('says so when the campaign is not in the mirror', async () => {
    await harness.navigateByUrl('/ads/campaigns/999?account=act_1015012345', CampaignDetailPage);
    http.expectOne(isList('/v1/integrations/meta/campaigns')).flush(aPage([campaign]));
    http.expectOne(isList('/v1/integrations/meta/adsets')).flush(aPage([]));
    http.expectOne(isList('/v1/integrations/meta/ads')).flush(aPage([]));
    await harness.fixture.whenStable();

    expect(text()).toContain('This campaign could not be loaded');
    expect(text()).toContain('deleted in Ads Manager, or not synced yet');
  });
});
