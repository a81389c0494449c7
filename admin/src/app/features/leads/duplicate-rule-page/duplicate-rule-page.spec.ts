import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { DuplicateSettingsDto, Role } from '@legeai/contracts';

import { aCurrentUser, anErrorEnvelope } from '../../../../testing/factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { signIn } from '../../../../testing/sign-in';
import { DuplicateRulePage } from './duplicate-rule-page';

const DEFAULT_RULE: DuplicateSettingsDto = {
  email: 'duplicate',
  phoneAndName: 'duplicate',
  phoneOnly: 'possible',
  windowDays: 30,
  updatedAt: null,
  isDefault: true,
};

describe('DuplicateRulePage', () => {
  let http: HttpTestingController;

  async function render() {
    TestBed.configureTestingModule({ providers: [...provideTestConsole(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    await signIn(aCurrentUser({ role: Role.Admin }));
    const fixture = TestBed.createComponent(DuplicateRulePage);
    await fixture.whenStable();
    const root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    const select = async (label: string) =>
      (await (await root.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }))).getControl(MatSelectHarness))!;
    const text = () => (fixture.nativeElement as HTMLElement).textContent!.replace(/\s+/g, ' ');
    return { fixture, root, select, text };
  }

  afterEach(() => http.verify());

  it('shows the rule in words and says a change applies to leads arriving after it', async () => {
    const { fixture, select, text } = await render();
    http.expectOne('/v1/lead-duplicate-settings').flush(DEFAULT_RULE);
    await fixture.whenStable();
    expect(await (await select('Same email')).getValueText()).toBe('Duplicate');
    expect(await (await select('Same phone only')).getValueText()).toBe('Possible duplicate');
    expect(text()).toContain('A change applies to leads arriving after you save it');
    expect(text()).toContain('This is the default rule.');
  });

  it('saves a rule, and refuses one where a shared phone alone weighs more than phone and name', async () => {
    const { fixture, root, select, text } = await render();
    http.expectOne('/v1/lead-duplicate-settings').flush(DEFAULT_RULE);
    await fixture.whenStable();

    await (await select('Same phone and same name')).clickOptions({ text: 'Possible duplicate' });
    await (await select('Same phone only')).clickOptions({ text: 'Duplicate' });
    const save = await root.getHarness(MatButtonHarness.with({ text: 'Save rule' }));
    await save.click();
    http.expectNone('/v1/lead-duplicate-settings');
    expect(text()).toContain('"Same phone only" cannot weigh more than "Same phone and same name"');

    await (await select('Same phone only')).clickOptions({ text: 'Not a match' });
    await (await root.getHarness(MatInputHarness.with({ selector: '[type=number]' }))).setValue('60');
    await save.click();
    const req = http.expectOne('/v1/lead-duplicate-settings');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({ email: 'duplicate', phoneAndName: 'possible', phoneOnly: 'ignore', windowDays: 60 });
    req.flush({ ...req.request.body, updatedAt: '2026-12-05T10:00:00.000Z', isDefault: false });
    await fixture.whenStable();
    expect(text()).toContain('Last changed');
    expect(text()).not.toContain('2026-12-05T10:00');
  });

  it('shows why the rule could not be loaded, with a retry', async () => {
    const { fixture, text } = await render();
    http.expectOne('/v1/lead-duplicate-settings').flush(anErrorEnvelope(503, 'service_unavailable', 'Database unavailable'), {
      status: 503,
      statusText: 'Service Unavailable',
    });
    await fixture.whenStable();
    expect(text()).toContain('The duplicate rule could not be loaded');
  });
});
