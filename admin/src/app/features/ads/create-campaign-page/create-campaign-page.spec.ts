import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CreateLeadCampaignRequest, GuardrailFinding, Role, ValidateLeadCampaignResult } from '@legeai/contracts';

import { aCampaign, anAd, anAdSet, someGuardrails } from '../../../../testing/ads-factories';
import { aCurrentUser } from '../../../../testing/factories';
import { aLeadForm, aMetaPage, anAdAccount } from '../../../../testing/meta-factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { signIn } from '../../../../testing/sign-in';
import { IDEMPOTENCY_HEADER } from '../data/idempotency';
import { CreateCampaignPage, VALIDATE_DEBOUNCE_MS } from './create-campaign-page';

const VALIDATE = '/v1/integrations/meta/campaigns/validate';

// The stepper walks through real debounces (half a second each); these tests take seconds, not milliseconds.

describe('CreateCampaignPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let root: HarnessLoader;

  const account = anAdAccount({ adAccountId: 'act_1015012345', name: 'Harbor Point Leads', currency: 'USD' });
  const financial: ValidateLeadCampaignResult = {
    findings: [],
    specialAdCategories: ['FINANCIAL_PRODUCTS_SERVICES'],
    specialAdCategoryCountry: ['US'],
  };
  const ageFinding: GuardrailFinding = {
    code: 'financial_age_narrowing',
    severity: 'error',
    field: 'adSet.targeting.ageMin',
    message: 'Insurance is a financial product: Meta requires these ads to reach everyone aged 18 to 65+.',
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        ...provideTestConsole(),
        provideRouter([
          { path: 'ads/new', component: CreateCampaignPage },
          { path: 'ads', children: [] },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signIn(aCurrentUser({ role: Role.Manager }));
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/ads/new?account=act_1015012345', CreateCampaignPage);
    root = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    http.expectOne('/v1/integrations/meta/ad-accounts').flush([account]);
    http.expectOne('/v1/integrations/meta/pages').flush([aMetaPage()]);
    http.expectOne('/v1/integrations/meta/lead-forms').flush([aLeadForm({ formId: '9001', pageId: '1111', name: 'Home quote' })]);
    http.expectOne('/v1/integrations/meta/ads-guardrails').flush(someGuardrails());
    await stable();
  });

  afterEach(() => http.verify());

  const stable = () => harness.fixture.whenStable();
  const text = () => (harness.routeNativeElement?.textContent ?? '').replace(/\s+/g, ' ');
  const byTestId = (id: string) =>
    harness.routeNativeElement?.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ') ?? '';

  /** Lets the debounce pass and answers every check of the draft it sent; returns the last one sent. */
  async function answerChecks(result: ValidateLeadCampaignResult = financial): Promise<CreateLeadCampaignRequest> {
    await new Promise((resolve) => setTimeout(resolve, VALIDATE_DEBOUNCE_MS + 50));
    const checks = http.match(VALIDATE);
    expect(checks.length).toBeGreaterThan(0);
    checks.forEach((check) => check.flush(result));
    await stable();
    return checks[checks.length - 1].request.body as CreateLeadCampaignRequest;
  }

  async function input(label: string): Promise<MatInputHarness> {
    const field = await root.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    return (await field.getControl(MatInputHarness))!;
  }

  async function select(label: string | RegExp, option: string | RegExp): Promise<void> {
    const field = await root.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    const control = (await field.getControl(MatSelectHarness))!;
    await control.open();
    await control.clickOptions({ text: option });
  }

  const next = async () => {
    const buttons = await root.getAllHarnesses(MatButtonHarness.with({ text: 'Next' }));
    for (const button of buttons) {
      const host = await button.host();
      if (await host.matchesSelector('.mat-horizontal-stepper-content-current *, [aria-expanded="true"] *')) {
        await button.click();
        break;
      }
    }
    await stable();
  };

  async function fillCampaignAndAdSet(): Promise<void> {
    await (await input('Campaign name')).setValue('Home insurance NJ');
    await next();
    await select('Facebook Page', 'Acme Insurance');
    await (await input('Amount (USD)')).setValue('25');
  }

  it('checks the draft while it is filled in, explains the financial category, and puts a refusal next to its field', async () => {
    const first = await answerChecks();
    expect(first.adAccountId).toBe('act_1015012345');
    expect(first.status).toBe('PAUSED');
    expect(byTestId('financial-banner')).toContain('United States');
    expect(byTestId('financial-banner')).toContain('LEGEAI sets it on the campaign');

    await fillCampaignAndAdSet();
    await answerChecks();
    expect(byTestId('narrowing-flag')).toContain('Meta refuses ZIP codes, age ranges and gender choices');

    await (await root.getHarness(MatSlideToggleHarness.with({ label: 'Narrow the age range' }))).toggle();
    await (await input('From age')).setValue('25');
    const narrowed = await answerChecks({ ...financial, findings: [ageFinding] });
    expect(narrowed.adSet.targeting).toEqual({ countries: ['US'], ageMin: 25, ageMax: 65 });
    // The image stays out of the checks.
    expect('imageBase64' in narrowed.ad).toBe(false);
    expect(byTestId('findings-age')).toContain('Meta requires these ads to reach everyone aged 18 to 65+');

    await (await root.getHarness(MatSlideToggleHarness.with({ label: 'Narrow the age range' }))).toggle();
    const removed = await answerChecks();
    expect(removed.adSet.targeting).toEqual({ countries: ['US'] });
    expect(byTestId('findings-age')).toBe('');
  }, 20_000);

  it('creates the campaign paused with an idempotency key, reports a half-made one, and sends the same key again', async () => {
    await answerChecks();
    await fillCampaignAndAdSet();
    await next();
    await select('Lead form', 'Home quote');
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'house.png', { type: 'image/png' });
    const fileInput = harness.routeNativeElement!.querySelector('input[type="file"]') as HTMLInputElement;
    Object.defineProperty(fileInput, 'files', { value: [file] });
    fileInput.dispatchEvent(new Event('change'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await stable();
    await (await input('Primary text')).setValue('Compare home insurance from local agents.');
    await (await input('Headline')).setValue('Get a quote in 2 minutes');
    await next();
    await answerChecks();

    expect(byTestId('review')).toContain('Financial products and services in United States');
    expect(byTestId('review-budget')).toBe('$25.00 per day');
    const create = () => root.getHarness(MatButtonHarness.with({ selector: '[data-testid="create-campaign"]' }));
    expect(await (await create()).getText()).toContain('Create paused');
    await (await create()).click();

    const first = http.expectOne((req) => req.method === 'POST' && req.url === '/v1/integrations/meta/campaigns');
    const body = first.request.body as CreateLeadCampaignRequest;
    expect(body.status).toBe('PAUSED');
    expect(body.adSet).toMatchObject({ pageId: '1111', budget: { type: 'daily', amountMinor: 2500 } });
    expect(body.ad).toMatchObject({ leadFormId: '9001', imageBase64: 'iVBORw==', headline: 'Get a quote in 2 minutes' });
    const key = first.request.headers.get(IDEMPOTENCY_HEADER);
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    first.flush(
      {
        error: {
          status: 422,
          code: 'META_CAMPAIGN_PARTIAL',
          message: 'Meta refused the ad: Image Too Small',
          details: {
            failedStep: 'ad',
            objects: [
              { level: 'campaign', id: '120210000000009000', cleanedUp: true },
              { level: 'adset', id: '120210000000009001', cleanedUp: false },
            ],
            userTitle: 'Image Too Small',
            userMessage: 'Use an image at least 600 pixels wide.',
          },
        },
      },
      { status: 422, statusText: 'Unprocessable' },
    );
    await stable();

    const error = byTestId('submit-error');
    expect(error).toContain('Meta refused the ad: Image Too Small');
    expect(error).toContain('Use an image at least 600 pixels wide.');
    expect(error).toContain('Campaign 120210000000009000: deleted again.');
    expect(error).toContain('Ad set 120210000000009001: could not be deleted; delete it in Ads Manager.');

    await (await create()).click();
    const again = http.expectOne((req) => req.method === 'POST' && req.url === '/v1/integrations/meta/campaigns');
    expect(again.request.headers.get(IDEMPOTENCY_HEADER)).toBe(key);
    again.flush({
      campaign: aCampaign({ status: 'PAUSED' }),
      adSet: anAdSet(),
      ad: anAd(),
      specialAdCategories: ['FINANCIAL_PRODUCTS_SERVICES'],
      specialAdCategoryCountry: ['US'],
    });
    await stable();
    expect(TestBed.inject(Router).url).toBe('/ads?account=act_1015012345');
  }, 20_000);

  it('starts active only when the user switches it on', async () => {
    await answerChecks();
    expect(text()).toContain('New lead campaign');
    const startActive = await root.getHarness(MatSlideToggleHarness.with({ label: 'Start active' }));
    expect(await startActive.isChecked()).toBe(false);
    expect(text()).toContain('Created paused: nothing is spent until you resume it');
  });
});
