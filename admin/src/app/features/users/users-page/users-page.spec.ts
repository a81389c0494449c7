import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { Role } from '@legeai/contracts';

import { aCurrentUser, aUser, anErrorEnvelope } from '../../../../testing/factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { signIn } from '../../../../testing/sign-in';
import { UsersPage } from './users-page';

describe('UsersPage', () => {
  let fixture: ComponentFixture<UsersPage>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let http: HttpTestingController;

  const mia = aUser();
  const ada = aUser({
    id: 'u-2',
    email: 'ada@example.com',
    name: 'Ada Admin',
    role: Role.Admin,
    lastLoginAt: '2026-03-04T09:30:00.000Z',
  });

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [UsersPage], providers: provideTestConsole() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UsersPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
  });

  afterEach(() => http.verify());

  async function loadUsers(users = [mia, ada]): Promise<void> {
    http.expectOne('/v1/users').flush(users);
    await fixture.whenStable();
  }

  function text(): string {
    return (fixture.nativeElement as HTMLElement).textContent ?? '';
  }

  async function rowFor(email: string) {
    const table = await loader.getHarness(MatTableHarness);
    for (const row of await table.getRows()) {
      const cells = await row.getCellTextByColumnName();
      if (cells['email'].startsWith(email)) {
        return { row, cells };
      }
    }
    throw new Error(`no row for ${email}`);
  }

  it('shows a progress bar while the users load', async () => {
    await fixture.whenStable();
    expect(await loader.getHarnessOrNull(MatProgressBarHarness)).not.toBeNull();
    await loadUsers();
    expect(await loader.getHarnessOrNull(MatProgressBarHarness)).toBeNull();
  });

  it('lists each user with email, name, role, status and last sign-in', async () => {
    await loadUsers();

    const table = await loader.getHarness(MatTableHarness);
    const rows = await table.getCellTextByColumnName();
    expect(rows['email'].text).toEqual(['mia@example.com', 'ada@example.com']);
    expect(rows['name'].text).toEqual(['Mia Manager', 'Ada Admin']);
    expect(rows['active'].text).toEqual(['Active', 'Active']);
    expect(rows['lastLoginAt'].text[0]).toBe('Never');
    expect(rows['lastLoginAt'].text[1]).toMatch(/ ago$/);

    const roleSelects = await loader.getAllHarnesses(MatSelectHarness);
    expect(await Promise.all(roleSelects.map((s) => s.getValueText()))).toEqual(['Manager', 'Admin']);
  });

  it('shows an empty state when the organisation has no users', async () => {
    await loadUsers([]);

    expect(await loader.getHarnessOrNull(MatTableHarness)).toBeNull();
    expect(text()).toContain('No users yet');
  });

  it('shows the error with a retry that reloads the list', async () => {
    http.expectOne('/v1/users').flush(anErrorEnvelope(503, 'service_unavailable', 'Database unavailable'), {
      status: 503,
      statusText: 'Service Unavailable',
    });
    await fixture.whenStable();

    expect(text()).toContain('Users could not be loaded');
    expect(text()).toContain('Database unavailable');
    // The page shows the error itself, so no snack bar repeats it.
    expect(await root.getAllHarnesses(MatSnackBarHarness)).toHaveLength(0);

    await (await loader.getHarness(MatButtonHarness.with({ text: /Try again/ }))).click();
    await loadUsers();

    expect(text()).not.toContain('could not be loaded');
    expect((await (await loader.getHarness(MatTableHarness)).getRows()).length).toBe(2);
  });

  describe('create dialog', () => {
    async function openDialog(): Promise<MatDialogHarness> {
      await loadUsers();
      await (await loader.getHarness(MatButtonHarness.with({ text: /Add user/ }))).click();
      return root.getHarness(MatDialogHarness);
    }

    async function field(dialog: MatDialogHarness, label: string): Promise<MatFormFieldHarness> {
      return dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    }

    async function fill(dialog: MatDialogHarness, label: string, value: string): Promise<void> {
      const control = (await (await field(dialog, label)).getControl()) as MatInputHarness;
      await control.setValue(value);
      await control.blur();
    }

    it('refuses to submit an empty form and says what is missing', async () => {
      const dialog = await openDialog();

      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create user' }))).click();

      expect(await (await field(dialog, 'Email')).getTextErrors()).toEqual(['Email is required.']);
      expect(await (await field(dialog, 'Name')).getTextErrors()).toEqual(['Name is required.']);
      expect(await (await field(dialog, 'Initial password')).getTextErrors()).toEqual([]);
      http.expectNone('/v1/users');
    });

    it('adds someone who already has an account without a password: they keep their own', async () => {
      const dialog = await openDialog();

      await fill(dialog, 'Email', 'pat@other-agency.test');
      await fill(dialog, 'Name', 'Pat');
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create user' }))).click();

      const req = http.expectOne({ method: 'POST', url: '/v1/users' });
      expect(req.request.body).toEqual({ email: 'pat@other-agency.test', name: 'Pat', role: Role.Viewer });
      req.flush(aUser({ id: 'u-4', email: 'pat@other-agency.test', name: 'Pat Other' }));
      await fixture.whenStable();
      expect((await rowFor('pat@other-agency.test')).cells['name']).toBe('Pat Other');
    });

    it('requires a valid email and a password of at least 12 characters', async () => {
      const dialog = await openDialog();

      await fill(dialog, 'Email', 'not-an-email');
      await fill(dialog, 'Name', 'Nora New');
      await fill(dialog, 'Initial password', 'short-pass1');
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create user' }))).click();

      expect(await (await field(dialog, 'Email')).getTextErrors()).toEqual(['Enter a valid email address.']);
      expect(await (await field(dialog, 'Initial password')).getTextErrors()).toEqual(['Use at least 12 characters.']);
      http.expectNone('/v1/users');
    });

    it('creates the user and adds it to the table', async () => {
      const dialog = await openDialog();

      await fill(dialog, 'Email', 'nora@example.com');
      await fill(dialog, 'Name', 'Nora New');
      await fill(dialog, 'Initial password', 'a-long-password');
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create user' }))).click();

      const req = http.expectOne({ method: 'POST', url: '/v1/users' });
      expect(req.request.body).toEqual({
        email: 'nora@example.com',
        name: 'Nora New',
        role: Role.Viewer,
        password: 'a-long-password',
      });
      req.flush(aUser({ id: 'u-3', email: 'nora@example.com', name: 'Nora New', role: Role.Viewer }));
      await fixture.whenStable();

      expect(await root.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
      expect((await rowFor('nora@example.com')).cells['name']).toBe('Nora New');
    });

    it('keeps the dialog open and shows the server error, e.g. a taken email', async () => {
      const dialog = await openDialog();

      await fill(dialog, 'Email', 'mia@example.com');
      await fill(dialog, 'Name', 'Mia Again');
      await fill(dialog, 'Initial password', 'a-long-password');
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create user' }))).click();
      http
        .expectOne({ method: 'POST', url: '/v1/users' })
        .flush(anErrorEnvelope(409, 'conflict', 'A user with this email already exists'), {
          status: 409,
          statusText: 'Conflict',
        });
      await fixture.whenStable();

      expect(await root.getAllHarnesses(MatDialogHarness)).toHaveLength(1);
      expect(document.querySelector('mat-dialog-container')?.textContent).toContain('A user with this email already exists');
    });
  });

  it('grants a viewer the contact details permission; admins and managers have it by role', async () => {
    const vic = aUser({ id: 'u-3', email: 'vic@example.com', name: 'Vic Viewer', role: Role.Viewer });
    await loadUsers([mia, vic]);
    const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(rows['contacts'].text).toEqual(['By role', 'Hidden']);

    const toggle = await loader.getHarness(MatSlideToggleHarness);
    await toggle.check();
    const req = http.expectOne({ method: 'PATCH', url: '/v1/users/u-3' });
    expect(req.request.body).toEqual({ canExportContacts: true });
    req.flush({ ...vic, canExportContacts: true });
    await fixture.whenStable();

    expect(await toggle.isChecked()).toBe(true);
    expect(await (await root.getHarness(MatSnackBarHarness)).getMessage()).toBe('vic@example.com may now see and export contact details.');
  });

  it('changes a role inline', async () => {
    await loadUsers();
    const [miaRole] = await loader.getAllHarnesses(MatSelectHarness);

    await miaRole.clickOptions({ text: 'Viewer' });
    const req = http.expectOne({ method: 'PATCH', url: '/v1/users/u-1' });
    expect(req.request.body).toEqual({ role: Role.Viewer });
    req.flush({ ...mia, role: Role.Viewer });
    await fixture.whenStable();

    expect(await miaRole.getValueText()).toBe('Viewer');
  });

  it("puts the role back and shows the server's reason when the change is refused", async () => {
    await loadUsers();
    const adaRole = (await loader.getAllHarnesses(MatSelectHarness))[1];

    await adaRole.clickOptions({ text: 'Viewer' });
    http.expectOne({ method: 'PATCH', url: '/v1/users/u-2' }).flush(anErrorEnvelope(409, 'conflict', 'Cannot demote the last admin'), {
      status: 409,
      statusText: 'Conflict',
    });
    await fixture.whenStable();

    expect(await adaRole.getValueText()).toBe('Admin');
    const snackBar = await root.getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('Cannot demote the last admin');
  });

  it('deactivates a user after confirmation', async () => {
    await loadUsers();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Deactivate', ancestor: '.mat-mdc-row' }))).click();

    const confirm = await root.getHarness(MatDialogHarness);
    expect(await confirm.getTitleText()).toBe('Deactivate user?');
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Deactivate' }))).click();

    const req = http.expectOne({ method: 'PATCH', url: '/v1/users/u-1' });
    expect(req.request.body).toEqual({ active: false });
    req.flush({ ...mia, active: false });
    await fixture.whenStable();

    const { cells } = await rowFor('mia@example.com');
    expect(cells['active']).toBe('Deactivated');
    expect(cells['actions']).toBe('Reactivate');
  });

  it('changes nothing when the confirmation is cancelled', async () => {
    await loadUsers();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Deactivate', ancestor: '.mat-mdc-row' }))).click();

    const confirm = await root.getHarness(MatDialogHarness);
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await fixture.whenStable();

    http.expectNone({ method: 'PATCH' });
    expect((await rowFor('mia@example.com')).cells['active']).toBe('Active');
  });

  it('does not offer admins to change their own role or deactivate themselves', async () => {
    http.expectOne('/v1/users').flush([]);
    await signIn(aCurrentUser({ id: ada.id }));
    fixture = TestBed.createComponent(UsersPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await loadUsers();

    const own = await rowFor('ada@example.com');
    expect(own.cells['email']).toContain('(you)');
    expect(own.cells['actions']).toBe('');
    const [miaRole, ownRole] = await loader.getAllHarnesses(MatSelectHarness);
    expect(await ownRole.isDisabled()).toBe(true);
    expect(await miaRole.isDisabled()).toBe(false);
  });
});
