import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { LeadFormMapping, Role } from '@legeai/contracts';

import { aCurrentUser, anErrorEnvelope } from '../../../../testing/factories';
import { aLeadForm, aLeadFormMapping, aMappingPreview } from '../../../../testing/meta-factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { signIn } from '../../../../testing/sign-in';
import { LeadFormMappingPage, PREVIEW_DEBOUNCE_MS } from './lead-form-mapping-page';
import { unsavedChangesGuard } from './unsaved-changes-guard';

const FORM = '/v1/integrations/meta/lead-forms/f-1';

@Component({ template: 'Meta page' })
class MetaPageStub {}

describe('LeadFormMappingPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let root: HarnessLoader;

  async function render(role: Role = Role.Admin): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        ...provideTestConsole(),
        provideRouter(
          [
            { path: 'integrations/meta', component: MetaPageStub },
            {
              path: 'integrations/meta/forms/:id/mapping',
              component: LeadFormMappingPage,
              canDeactivate: [unsavedChangesGuard],
            },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signIn(aCurrentUser({ role }));

    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/integrations/meta/forms/f-1/mapping', LeadFormMappingPage);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
  }

  afterEach(() => http.verify());

  async function stable(): Promise<void> {
    await harness.fixture.whenStable();
  }

  /** Answers the page's first reads: the mapping, the form list for the heading, and the first preview. */
  async function renderLoaded(role = Role.Admin, preview = aMappingPreview()): Promise<TestRequest> {
    await render(role);
    http.expectOne({ method: 'GET', url: `${FORM}/mapping` }).flush(aLeadFormMapping());
    http.expectOne('/v1/integrations/meta/lead-forms').flush([aLeadForm()]);
    await stable();
    const first = expectPreview();
    first.flush(preview);
    await stable();
    return first;
  }

  function expectPreview(): TestRequest {
    return http.expectOne({ method: 'POST', url: `${FORM}/mapping/preview` });
  }

  async function afterDebounce(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, PREVIEW_DEBOUNCE_MS + 50));
    await stable();
  }

  function text(selector?: string): string {
    const host = harness.routeNativeElement as HTMLElement;
    const element = selector ? host.querySelector(selector) : host;
    return element?.textContent?.replace(/\s+/g, ' ') ?? '';
  }

  /** Polls the document until `selector` shows up (bounded by attempts). */
  async function appears(selector: string): Promise<Element> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const element = document.querySelector(selector);
      if (element) {
        return element;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`${selector} did not appear`);
  }

  async function fieldOf(question: string): Promise<MatSelectHarness> {
    return loader.getHarness(MatSelectHarness.with({ selector: `[aria-label="Lead field for ${question}"]` }));
  }

  async function defaultInput(field: string): Promise<MatInputHarness> {
    return loader.getHarness(MatInputHarness.with({ selector: `[aria-label="Default ${field}"]` }));
  }

  async function requiredBox(field: string): Promise<MatCheckboxHarness> {
    for (const box of await loader.getAllHarnesses(MatCheckboxHarness)) {
      if ((await box.getAriaLabel()) === `${field} required`) {
        return box;
      }
    }
    throw new Error(`no checkbox for ${field}`);
  }

  async function button(name: string | RegExp): Promise<MatButtonHarness | null> {
    return loader.getHarnessOrNull(MatButtonHarness.with({ text: name }));
  }

  it('shows every question with its field, warns about the unmapped one, and previews the mapping in force', async () => {
    const first = await renderLoaded();

    expect(first.request.body).toEqual({ mapping: aLeadFormMapping().mapping });
    expect(text('h1')).toContain('Mapping of Car insurance quote');
    expect(await (await fieldOf('Full name')).getValueText()).toBe('Full name');
    expect(await (await fieldOf('Phone number')).getValueText()).toBe('Phone');
    // A non-Latin question label is shown as Meta sent it, and its missing mapping is pointed out.
    expect(await (await fieldOf('Какая у вас машина?')).getValueText()).toBe('Not mapped');
    expect(text('[data-testid="unmapped-warning"]')).toContain('1 question is not mapped');
    const rows = Array.from((harness.routeNativeElement as HTMLElement).querySelectorAll('[data-testid="question-row"]'));
    expect(rows.map((row) => row.textContent?.includes('Unmapped'))).toEqual([false, false, false, true]);

    expect(text('[data-testid="preview-source"]')).toContain('most recent lead of this form, received 2 hours ago');
    expect(text('[data-testid="mapping-preview"]')).toContain('Anna Schmidt');
  });

  it('previews the edited mapping after a pause, and saves exactly what was edited', async () => {
    await renderLoaded();

    await (await fieldOf('Какая у вас машина?')).clickOptions({ text: 'Product interest' });
    await (await defaultInput('Country')).setValue('DE');
    await (await requiredBox('Email')).check();
    await afterDebounce();

    const edited: LeadFormMapping = {
      fields: { full_name: 'fullName', email: 'email', phone_number: 'phone', vehicle_type: 'productInterest' },
      defaults: { country: 'DE' },
      required: ['email'],
    };
    // Only the last edit's preview goes out: the earlier ones were still waiting for the pause.
    const preview = expectPreview();
    expect(preview.request.body).toEqual({ mapping: edited });
    preview.flush(aMappingPreview({ unmappedQuestions: [] }));
    await stable();
    expect(text()).not.toContain('not mapped: their answers');

    await (await button('Save mapping'))!.click();
    const put = http.expectOne({ method: 'PUT', url: `${FORM}/mapping` });
    expect(put.request.body).toEqual(edited);
    put.flush(aLeadFormMapping({ mapping: edited, customised: true, unmappedQuestions: [] }));
    await stable();
    expectPreview().flush(aMappingPreview());
    await stable();

    expect(text('[data-testid="mapping-origin"]')).toContain('Customised');
    expect(await (await button('Save mapping'))!.isDisabled()).toBe(true);
  });

  it('says when the previewed lead would need review for a missing required field', async () => {
    await renderLoaded();

    await (await requiredBox('Phone')).check();
    await afterDebounce();
    expectPreview().flush(aMappingPreview({ missingRequired: ['phone'], needsReview: true, reviewReason: 'missing required: phone' }));
    await stable();

    expect(text('[data-testid="needs-review"]')).toContain('would need review: missing required: phone');
    expect(text('[data-testid="missing-required"]')).toContain('Missing required: Phone');
  });

  it("shows the server's reason when a preview is refused, e.g. a default that is no country", async () => {
    await renderLoaded();

    await (await defaultInput('Country')).setValue('Atlantis');
    await afterDebounce();
    expectPreview().flush(anErrorEnvelope(400, 'validation_failed', 'defaults.country must be a country, e.g. US'), {
      status: 400,
      statusText: 'Bad Request',
    });
    await stable();

    expect(text('[data-testid="mapping-preview"]')).toContain('No preview: defaults.country must be a country');
  });

  it('lets viewers read and preview the mapping but not change it', async () => {
    await renderLoaded(Role.Viewer);

    expect(text()).toContain('Read-only: your role is Viewer. Only admins change the mapping; you can see it and its preview.');
    expect(await (await fieldOf('Full name')).isDisabled()).toBe(true);
    expect(await (await defaultInput('Country')).isDisabled()).toBe(true);
    expect(await (await requiredBox('Email')).isDisabled()).toBe(true);
    expect(await (await button('Save mapping'))!.isDisabled()).toBe(true);
    expect(await (await button('Reset to defaults'))!.isDisabled()).toBe(true);
  });

  it('resets to the standard mapping once confirmed', async () => {
    await renderLoaded();

    await (await button('Reset to defaults'))!.click();
    const dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Reset to the standard mapping?');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Reset' }))).click();

    const put = http.expectOne({ method: 'PUT', url: `${FORM}/mapping` });
    expect(put.request.body).toEqual({ fields: {}, defaults: {}, required: [] });
    put.flush(aLeadFormMapping());
    await stable();
    expectPreview().flush(aMappingPreview());
    await stable();
  });

  it('asks before leaving with unsaved changes, and stays when the answer is no', async () => {
    await renderLoaded();
    await (await fieldOf('Full name')).clickOptions({ text: 'Ignore (keep the raw answer)' });

    // The router holds the app unstable while the guard waits, so the dialog is found in the DOM, not by harness.
    const leaving = TestBed.inject(Router).navigateByUrl('/integrations/meta');
    const dialog = await appears('mat-dialog-container');
    expect(dialog.querySelector('h2')?.textContent).toBe('Discard unsaved changes?');
    Array.from(dialog.querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === 'Cancel')!
      .click();

    expect(await leaving).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/integrations/meta/forms/f-1/mapping');
    await afterDebounce();
    expectPreview().flush(aMappingPreview());
  });

  it('leaves without asking when nothing changed', async () => {
    await renderLoaded();

    expect(await TestBed.inject(Router).navigateByUrl('/integrations/meta')).toBe(true);
    expect(await root.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
  });

  it('shows why the mapping could not be loaded and tries again', async () => {
    await render();
    http.expectOne(`${FORM}/mapping`).flush(anErrorEnvelope(404, 'not_found', 'No such lead form in this organisation'), {
      status: 404,
      statusText: 'Not Found',
    });
    http.expectOne('/v1/integrations/meta/lead-forms').flush([]);
    await stable();

    expect(text()).toContain('The mapping could not be loaded');
    expect(text()).toContain('No such lead form in this organisation');

    await (await button(/Try again/))!.click();
    http.expectOne(`${FORM}/mapping`).flush(aLeadFormMapping());
    await stable();
    expectPreview().flush(aMappingPreview());
    await stable();
    expect(await (await fieldOf('Email')).getValueText()).toBe('Email');
  });

  it("offers the organisation's own lead fields as targets and previews their values by label", async () => {
    const customFields = [
      {
        key: 'vehicle_kind',
        label: 'Vehicle kind',
        type: 'choice' as const,
        options: [
          { key: 'sedan', label: 'Sedan' },
          { key: 'suv', label: 'SUV' },
        ],
      },
    ];
    await render();
    http.expectOne({ method: 'GET', url: `${FORM}/mapping` }).flush(aLeadFormMapping({ customFields }));
    http.expectOne('/v1/integrations/meta/lead-forms').flush([aLeadForm()]);
    await stable();
    expectPreview().flush(aMappingPreview());
    await stable();

    await (await fieldOf('Какая у вас машина?')).clickOptions({ text: 'Vehicle kind' });
    await afterDebounce();
    const preview = expectPreview();
    expect(preview.request.body.mapping.fields['vehicle_type']).toBe('custom:vehicle_kind');
    preview.flush(aMappingPreview({ unmappedQuestions: [], customFields: { vehicle_kind: 'suv' } }));
    await stable();
    expect(text('[data-testid="mapping-preview"]')).toContain('Vehicle kind');
    expect(text('[data-testid="mapping-preview"]')).toContain('SUV');

    await (await button('Save mapping'))!.click();
    const put = http.expectOne({ method: 'PUT', url: `${FORM}/mapping` });
    expect(put.request.body.fields['vehicle_type']).toBe('custom:vehicle_kind');
    put.flush(aLeadFormMapping({ customFields, customised: true, unmappedQuestions: [] }));
    await stable();
    expectPreview().flush(aMappingPreview());
    await stable();
  });
});
