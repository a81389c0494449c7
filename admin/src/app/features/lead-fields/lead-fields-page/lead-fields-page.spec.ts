import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { LeadFieldDefinitionDto, Role } from '@legeai/contracts';

import { anErrorEnvelope, aCurrentUser } from '../../../../testing/factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { signIn } from '../../../../testing/sign-in';
import { LeadFieldsPage } from './lead-fields-page';

const aField = (overrides: Partial<LeadFieldDefinitionDto> = {}): LeadFieldDefinitionDto => ({
  id: 'lf-1',
  key: 'vehicle_year',
  label: 'Vehicle year',
  type: 'number',
  options: [],
  position: 0,
  archived: false,
  inUse: false,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  ...overrides,
});

describe('LeadFieldsPage', () => {
  let http: HttpTestingController;

  async function open(role: Role, fields: LeadFieldDefinitionDto[] | 'error' = [aField()]) {
    TestBed.configureTestingModule({ imports: [LeadFieldsPage], providers: provideTestConsole() });
    http = TestBed.inject(HttpTestingController);
    await signIn(aCurrentUser({ role }));
    const fixture = TestBed.createComponent(LeadFieldsPage);
    const request = http.expectOne('/v1/lead-fields');
    if (fields === 'error') {
      request.flush(anErrorEnvelope(500, 'internal_error', 'Unexpected error'), { status: 500, statusText: 'Server Error' });
    } else {
      request.flush(fields);
    }
    await fixture.whenStable();
    const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
    return {
      fixture,
      loader: TestbedHarnessEnvironment.loader(fixture),
      root: TestbedHarnessEnvironment.documentRootLoader(fixture),
      text,
    };
  }

  afterEach(() => http.verify());

  it('lists fields with their type and options in words', async () => {
    const { loader } = await open(Role.Admin, [
      aField(),
      aField({
        id: 'lf-2',
        key: 'coverage_wanted',
        label: 'Coverage wanted',
        type: 'multi_choice',
        options: [
          { key: 'liability', label: 'Liability' },
          { key: 'collision', label: 'Collision' },
        ],
        archived: true,
        inUse: true,
      }),
    ]);
    const table = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(table['label'].text).toEqual(['Vehicle year', 'Coverage wanted']);
    expect(table['type'].text).toEqual(['Number', 'Multiple choice']);
    expect(table['options'].text).toEqual(['—', 'Liability, Collision']);
    expect(table['status'].text[1]).toContain('Archived');
    expect(table['actions'].text).toEqual(['EditArchive', 'EditRestore']);
  });

  it('is read-only for viewers, and says so', async () => {
    const { loader, text } = await open(Role.Viewer);
    expect(text()).toContain('Read-only: your role is Viewer.');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /New field|Edit|Archive/ }))).toHaveLength(0);
  });

  it('shows an empty state', async () => {
    expect((await open(Role.Admin, [])).text()).toContain('No lead fields yet');
  });

  it('shows a load error with a retry', async () => {
    const { fixture, loader, text } = await open(Role.Manager, 'error');
    expect(text()).toContain('Lead fields could not be loaded');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Try again/ }))).click();
    http.expectOne('/v1/lead-fields').flush([aField()]);
    await fixture.whenStable();
    expect(text()).toContain('Vehicle year');
  });

  it('adds a choice field with keys made from the labels', async () => {
    const { fixture, loader, root } = await open(Role.Admin, []);
    await (await loader.getHarness(MatButtonHarness.with({ text: /New field/ }))).click();
    await (await root.getHarness(MatInputHarness.with({ selector: '[formControlName="label"]' }))).setValue('Coverage wanted');
    expect(await (await root.getHarness(MatInputHarness.with({ selector: '[formControlName="key"]' }))).getValue()).toBe('coverage_wanted');
    const type = await root.getHarness(MatSelectHarness.with({ selector: '[formControlName="type"]' }));
    await type.open();
    await type.clickOptions({ text: 'Multiple choice' });
    const options = await root.getAllHarnesses(MatInputHarness.with({ ancestor: '.option' }));
    await options[0].setValue('Liability');
    await options[1].setValue('Roadside assistance');
    await (await root.getHarness(MatButtonHarness.with({ text: 'Add field' }))).click();

    const request = http.expectOne({ method: 'POST', url: '/v1/lead-fields' });
    expect(request.request.body).toEqual({
      key: 'coverage_wanted',
      label: 'Coverage wanted',
      type: 'multi_choice',
      options: [
        { key: 'liability', label: 'Liability' },
        { key: 'roadside_assistance', label: 'Roadside assistance' },
      ],
    });
    request.flush(
      aField({ key: 'coverage_wanted', label: 'Coverage wanted', type: 'multi_choice', options: request.request.body.options }),
    );
    await fixture.whenStable();
    const table = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(table['label'].text).toEqual(['Coverage wanted']);
  });
});
