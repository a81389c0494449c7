import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatInputHarness } from '@angular/material/input/testing';

import { aCampaign } from '../../../../testing/ads-factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { IDEMPOTENCY_HEADER } from '../data/idempotency';
import { BudgetDialog, BudgetDialogData } from './budget-dialog';

@Component({ template: '' })
class Host {}

describe('BudgetDialog', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<Host>;
  let root: HarnessLoader;
  let closedWith: unknown;
  const campaign = aCampaign({ dailyBudgetMinor: 10000, currency: 'USD' });

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: provideTestConsole() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Host);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    closedWith = 'open';
    TestBed.inject(MatDialog)
      .open<BudgetDialog, BudgetDialogData>(BudgetDialog, { data: { level: 'campaign', object: campaign, currency: 'USD' } })
      .afterClosed()
      .subscribe((saved) => (closedWith = saved));
    await fixture.whenStable();
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    http.verify();
  });

  const dialogText = () => document.querySelector('mat-dialog-container')?.textContent?.replace(/\s+/g, ' ') ?? '';
  const amount = () => root.getHarness(MatInputHarness.with({ selector: '[formControlName="amount"]' }));
  const button = (text: string | RegExp) => root.getHarness(MatButtonHarness.with({ text }));

  it('shows the budget in major units and saves a new one in minor units, with an idempotency key', async () => {
    expect(await (await amount()).getValue()).toBe('100.00');
    await (await amount()).setValue('120');
    await (await button('Save')).click();

    const put = http.expectOne('/v1/integrations/meta/campaigns/c-1');
    expect(put.request.body).toEqual({ dailyBudgetMinor: 12000 });
    expect(put.request.headers.get(IDEMPOTENCY_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    put.flush({ ...campaign, dailyBudgetMinor: 12000 });
    await fixture.whenStable();
    expect(closedWith).toEqual({ ...campaign, dailyBudgetMinor: 12000 });
  });

  it('refuses an amount that is none, without asking the server', async () => {
    await (await amount()).setValue('12.345');
    await (await button('Save')).click();
    expect(dialogText()).toContain('Enter an amount above 0 in USD');
    http.expectNone('/v1/integrations/meta/campaigns/c-1');
  });

  it('asks for a confirmation when the server wants one, then sends the change again confirmed', async () => {
    await (await amount()).setValue('160');
    await (await button('Save')).click();
    const first = http.expectOne('/v1/integrations/meta/campaigns/c-1');
    first.flush(
      {
        error: {
          status: 409,
          code: 'CONFIRMATION_REQUIRED',
          message: 'This budget change needs a confirmation.',
          details: { from: 10000, to: 16000, percent: 60, thresholdPercent: 50, currency: 'USD' },
        },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();

    expect(dialogText()).toContain('Confirm this budget change');
    expect(dialogText()).toContain('Daily budget: $100.00 → $160.00 (+60%)');
    expect(dialogText()).toContain('above +50%');
    await (await button('Confirm change')).click();

    const second = http.expectOne('/v1/integrations/meta/campaigns/c-1');
    expect(second.request.body).toEqual({ dailyBudgetMinor: 16000, confirmed: true });
    // A refused request applied nothing: the confirmed one is a new action.
    expect(second.request.headers.get(IDEMPOTENCY_HEADER)).not.toBe(first.request.headers.get(IDEMPOTENCY_HEADER));
    second.flush({ ...campaign, dailyBudgetMinor: 16000 });
    await fixture.whenStable();
    expect(closedWith).toEqual({ ...campaign, dailyBudgetMinor: 16000 });
  });

  it("shows Meta's refusal in the dialog and sends the same key when saved again", async () => {
    await (await amount()).setValue('90');
    await (await button('Save')).click();
    const first = http.expectOne('/v1/integrations/meta/campaigns/c-1');
    first.flush(
      { error: { status: 422, code: 'meta_rejected', message: 'Budget Too Low: Your budget must be at least $1.00 a day.' } },
      { status: 422, statusText: 'Unprocessable' },
    );
    await fixture.whenStable();
    expect(dialogText()).toContain('Budget Too Low: Your budget must be at least $1.00 a day.');

    await (await button('Save')).click();
    const again = http.expectOne('/v1/integrations/meta/campaigns/c-1');
    expect(again.request.headers.get(IDEMPOTENCY_HEADER)).toBe(first.request.headers.get(IDEMPOTENCY_HEADER));
    again.flush({ ...campaign, dailyBudgetMinor: 9000 });
    await fixture.whenStable();
  });

  it('closes without a request when nothing changed', async () => {
    await (await button('Save')).click();
    http.expectNone('/v1/integrations/meta/campaigns/c-1');
    expect(closedWith).toBeUndefined();
  });

  it('removes the end date as null', async () => {
    TestBed.inject(MatDialog).closeAll();
    TestBed.inject(MatDialog).open<BudgetDialog, BudgetDialogData>(BudgetDialog, {
      data: { level: 'campaign', object: { ...campaign, stopTime: '2027-01-31T22:00:00.000Z' }, currency: 'USD' },
    });
    await fixture.whenStable();
    await (await root.getHarness(MatInputHarness.with({ selector: '[formControlName="endTime"]' }))).setValue('');
    await (await button('Save')).click();
    expect(http.expectOne('/v1/integrations/meta/campaigns/c-1').request.body).toEqual({ endTime: null });
  });
});
