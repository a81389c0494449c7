import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { CreatedApiKeyResponse, Role } from '@legeai/contracts';

import { anApiKey, anErrorEnvelope } from '../../../../testing/factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { ApiKeysPage } from './api-keys-page';

describe('ApiKeysPage', () => {
  let fixture: ComponentFixture<ApiKeysPage>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let http: HttpTestingController;

  const SECRET = 'lgk_ab12cd34ef56gh78ij90kl12mn34op56';
  const created: CreatedApiKeyResponse = {
    ...anApiKey({ id: 'k-2', name: 'Data warehouse', prefix: 'lgk_ab12', role: Role.Manager }),
    key: SECRET,
  };

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [ApiKeysPage], providers: provideTestConsole() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ApiKeysPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
  });

  afterEach(() => http.verify());

  async function loadKeys(keys = [anApiKey()]): Promise<void> {
    http.expectOne('/v1/api-keys').flush(keys);
    await fixture.whenStable();
  }

  function pageText(): string {
    return (fixture.nativeElement as HTMLElement).textContent ?? '';
  }

  async function columns() {
    return (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
  }

  it('lists keys by name, prefix, role and status', async () => {
    await loadKeys([anApiKey(), anApiKey({ id: 'k-0', name: 'Old export', revokedAt: '2026-02-01T00:00:00Z' })]);

    const table = await columns();
    expect(table['name'].text).toEqual(['CRM import', 'Old export']);
    expect(table['prefix'].text).toEqual(['lgk_ab12…', 'lgk_ab12…']);
    expect(table['status'].text[0]).toBe('Active');
    expect(table['status'].text[1]).toMatch(/^Revoked/);
    // Only active keys can be revoked.
    expect(table['actions'].text).toEqual(['Revoke', '']);
  });

  it('shows an empty state when there are no keys', async () => {
    await loadKeys([]);
    expect(pageText()).toContain('No API keys yet');
  });

  it('shows a load error with a retry', async () => {
    http.expectOne('/v1/api-keys').flush(anErrorEnvelope(500, 'internal_error', 'Unexpected error'), {
      status: 500,
      statusText: 'Server Error',
    });
    await fixture.whenStable();
    expect(pageText()).toContain('API keys could not be loaded');

    await (await loader.getHarness(MatButtonHarness.with({ text: /Try again/ }))).click();
    await loadKeys();
    expect((await columns())['name'].text).toEqual(['CRM import']);
  });

  it('shows a new key once, then keeps only its metadata', async () => {
    await loadKeys();
    await (await loader.getHarness(MatButtonHarness.with({ text: /New API key/ }))).click();
    const dialog = await root.getHarness(MatDialogHarness);

    await (await dialog.getHarness(MatInputHarness)).setValue('Data warehouse');
    await (await dialog.getHarness(MatSelectHarness)).clickOptions({ text: 'Manager' });
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create key' }))).click();

    const req = http.expectOne({ method: 'POST', url: '/v1/api-keys' });
    expect(req.request.body).toEqual({ name: 'Data warehouse', role: Role.Manager });
    req.flush(created);
    await fixture.whenStable();

    const dialogElement = document.querySelector('mat-dialog-container');
    expect(dialogElement?.querySelector('[data-testid="created-key"]')?.textContent).toBe(SECRET);
    expect(dialogElement?.textContent).toContain("You won't see it again");
    expect(await dialog.getHarnessOrNull(MatButtonHarness.with({ selector: '[aria-label="Copy key to clipboard"]' }))).not.toBeNull();

    await (await dialog.getHarness(MatButtonHarness.with({ text: 'I have stored the key' }))).click();
    await fixture.whenStable();

    expect(await root.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    expect((await columns())['name'].text).toEqual(['Data warehouse', 'CRM import']);
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('does not close the key dialog on Escape, so the key is not lost by accident', async () => {
    await loadKeys();
    await (await loader.getHarness(MatButtonHarness.with({ text: /New API key/ }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatInputHarness)).setValue('Data warehouse');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create key' }))).click();
    http.expectOne({ method: 'POST', url: '/v1/api-keys' }).flush(created);
    await fixture.whenStable();

    await dialog.close(); // presses Escape
    expect(await root.getAllHarnesses(MatDialogHarness)).toHaveLength(1);
  });

  it('requires a name before creating a key', async () => {
    await loadKeys();
    await (await loader.getHarness(MatButtonHarness.with({ text: /New API key/ }))).click();
    const dialog = await root.getHarness(MatDialogHarness);

    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create key' }))).click();

    expect(document.querySelector('mat-dialog-container')?.textContent).toContain('Name is required.');
    http.expectNone({ method: 'POST', url: '/v1/api-keys' });
  });

  it('revokes a key after confirmation', async () => {
    await loadKeys();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Revoke' }))).click();

    const confirm = await root.getHarness(MatDialogHarness);
    expect(await confirm.getTitleText()).toBe('Revoke API key?');
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Revoke' }))).click();

    const req = http.expectOne({ method: 'DELETE', url: '/v1/api-keys/k-1' });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    const table = await columns();
    expect(table['status'].text[0]).toMatch(/^Revoked/);
    expect(table['actions'].text).toEqual(['']);
  });

  it('keeps the key active when revocation is cancelled', async () => {
    await loadKeys();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Revoke' }))).click();
    await (await (await root.getHarness(MatDialogHarness)).getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await fixture.whenStable();

    http.expectNone({ method: 'DELETE' });
    expect((await columns())['status'].text).toEqual(['Active']);
  });
});
