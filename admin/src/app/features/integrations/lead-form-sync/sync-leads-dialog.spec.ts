import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDateRangeInputHarness } from '@angular/material/datepicker/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { SyncLeadsResult } from '@legeai/contracts';

import { anErrorEnvelope } from '../../../../testing/factories';
import { aLeadForm } from '../../../../testing/meta-factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { SyncLeadsDialog, SyncLeadsDialogData, syncRequest } from './sync-leads-dialog';

@Component({ template: '' })
class Host {}

describe('SyncLeadsDialog', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<Host>;
  let root: HarnessLoader;

  const result: SyncLeadsResult = {
    formId: 'f-1',
    metaFormId: '9001',
    from: '2026-11-01T00:00:00.000Z',
    to: '2026-11-08T00:00:00.000Z',
    fetched: 42,
    created: 12,
    existing: 30,
    duplicates: 2,
    watermark: '2026-11-07T22:00:00.000Z',
    watermarkAdvanced: false,
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: provideTestConsole() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Host);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    TestBed.inject(MatDialog).open<SyncLeadsDialog, SyncLeadsDialogData>(SyncLeadsDialog, { data: { form: aLeadForm() } });
    await fixture.whenStable();
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    http.verify();
  });

  function dialogText(): string {
    return document.querySelector('mat-dialog-container')?.textContent?.replace(/\s+/g, ' ') ?? '';
  }

  async function setRange(start: string, end: string): Promise<void> {
    const range = await root.getHarness(MatDateRangeInputHarness);
    await (await range.getStartInput()).setValue(start);
    await (await range.getEndInput()).setValue(end);
  }

  it('posts the chosen days as a window from the first day to the end of the last, and shows what was new', async () => {
    await setRange('11/1/2026', '11/7/2026');
    await (await root.getHarness(MatButtonHarness.with({ text: 'Sync now' }))).click();

    const request = http.expectOne({ method: 'POST', url: '/v1/integrations/meta/sync-leads' });
    expect(request.request.body).toEqual({
      formId: 'f-1',
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 10, 8).toISOString(),
    });
    expect(await root.getHarnessOrNull(MatProgressBarHarness)).not.toBeNull();

    request.flush(result);
    await fixture.whenStable();
    expect(await root.getHarnessOrNull(MatProgressBarHarness)).toBeNull();
    const shown = dialogText();
    expect(shown).toMatch(/New leads stored\s*12/);
    expect(shown).toMatch(/Already there\s*30/);
    expect(shown).toMatch(/Read from Meta\s*42/);
    expect(shown).toMatch(/Linked as duplicates\s*2/);
  });

  it("shows the server's reason when the sync fails", async () => {
    await (await root.getHarness(MatButtonHarness.with({ text: 'Sync now' }))).click();
    http
      .expectOne('/v1/integrations/meta/sync-leads')
      .flush(anErrorEnvelope(409, 'conflict', 'The Meta connection needs to be reconnected'), {
        status: 409,
        statusText: 'Conflict',
      });
    await fixture.whenStable();

    expect(dialogText()).toContain('The sync failed: The Meta connection needs to be reconnected');
  });

  it('reads from the last sync when no start day is given, and up to now without an end day', () => {
    expect(syncRequest('f-1', null, null)).toEqual({ formId: 'f-1' });
  });
});
