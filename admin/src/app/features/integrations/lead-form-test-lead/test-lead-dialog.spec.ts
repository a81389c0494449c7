import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialog } from '@angular/material/dialog';
import { LeadSyncDto, LeadSyncState } from '@legeai/contracts';

import { anErrorEnvelope } from '../../../../testing/factories';
import { ManualInterval, provideManualInterval } from '../../../../testing/manual-interval';
import { aLeadForm, aLeadSync } from '../../../../testing/meta-factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { TestLeadDialog, TestLeadDialogData, WEBHOOK_WAIT_POLLS } from './test-lead-dialog';

const BASE = '/v1/integrations/meta';

@Component({ template: '' })
class Host {}

describe('TestLeadDialog', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<Host>;
  let root: HarnessLoader;
  let interval: ManualInterval;

  beforeEach(async () => {
    interval = new ManualInterval();
    TestBed.configureTestingModule({ providers: [...provideTestConsole(), provideManualInterval(interval)] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Host);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    TestBed.inject(MatDialog).open<TestLeadDialog, TestLeadDialogData>(TestLeadDialog, { data: { form: aLeadForm() } });
    await stable();
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    http.verify();
  });

  async function stable(): Promise<void> {
    await fixture.whenStable();
  }

  function dialogText(): string {
    return document.querySelector('mat-dialog-container')?.textContent?.replace(/\s+/g, ' ') ?? '';
  }

  /** Each step's status, in order. */
  function steps(): string[] {
    return Array.from(document.querySelectorAll('mat-dialog-container li.step')).map(
      (step) => `${step.querySelector('.label')?.textContent?.trim()}: ${step.getAttribute('data-status')}`,
    );
  }

  async function click(name: string | RegExp): Promise<void> {
    await (await root.getHarness(MatButtonHarness.with({ text: name }))).click();
  }

  async function sendAndAccept(leadgenId = '777000111'): Promise<void> {
    await click('Send test lead');
    http.expectOne({ method: 'POST', url: `${BASE}/lead-forms/f-1/test-lead` }).flush({ leadgenId, replacedLeadgenId: null });
    await stable();
  }

  async function poll(answer: (req: TestRequest) => void): Promise<void> {
    interval.tick();
    await stable();
    answer(http.expectOne((req) => req.method === 'GET' && req.url.startsWith(`${BASE}/lead-syncs`)));
    await stable();
  }

  const page = (items: LeadSyncDto[]) => ({ items, total: items.length, limit: 50, offset: 0 });

  it('sends nothing until asked, explaining that the earlier test lead is replaced', () => {
    expect(dialogText()).toContain('an earlier test lead of this form is replaced');
    http.expectNone(`${BASE}/lead-forms/f-1/test-lead`);
  });

  it('ticks each step as the pipeline reports it, then stops and links to the stored lead', async () => {
    await sendAndAccept();
    expect(steps()).toEqual([
      'Sent to Meta: done',
      'Webhook received: active',
      'Fetched from Meta: waiting',
      'Mapped to lead fields: waiting',
      'Stored in LEGEAI: waiting',
    ]);

    // The lead is looked up by its leadgen id; no sync yet means no webhook yet.
    await poll((req) => {
      expect(req.request.url).toBe(`${BASE}/lead-syncs`);
      expect(req.request.params.get('leadgenId')).toBe('777000111');
      req.flush(page([]));
    });
    expect(steps()[1]).toBe('Webhook received: active');

    await poll((req) => req.flush(page([aLeadSync()])));
    expect(steps().slice(1, 3)).toEqual(['Webhook received: done', 'Fetched from Meta: active']);

    // Once known, the sync is read directly.
    await poll((req) => {
      expect(req.request.url).toBe(`${BASE}/lead-syncs/ls-1`);
      req.flush(aLeadSync({ fetchedAt: '2026-11-20T10:00:01.000Z' }));
    });
    expect(steps().slice(2, 4)).toEqual(['Fetched from Meta: done', 'Mapped to lead fields: active']);

    await poll((req) =>
      req.flush(
        aLeadSync({
          state: LeadSyncState.Stored,
          leadId: 'l-9',
          fetchedAt: '2026-11-20T10:00:01.000Z',
          mappedAt: '2026-11-20T10:00:01.100Z',
          storedAt: '2026-11-20T10:00:01.200Z',
        }),
      ),
    );
    expect(steps().every((step) => step.endsWith(': done'))).toBe(true);
    expect(dialogText()).toContain('The test lead arrived');
    expect(interval.observed).toBe(false);
    const open = document.querySelector('mat-dialog-container a[href^="/leads"]');
    expect(open?.getAttribute('href')).toBe('/leads?lead=l-9&test=1');
  });

  it('says no webhook came after a minute of polling, and asks whether the page is subscribed', async () => {
    await sendAndAccept();
    for (let i = 0; i < WEBHOOK_WAIT_POLLS; i++) {
      await poll((req) => req.flush(page([])));
    }

    expect(dialogText()).toContain('No webhook arrived after 60 s — is the page subscribed?');
    expect(steps()[1]).toBe('Webhook received: failed');
    expect(interval.observed).toBe(false);
  });

  it('shows why the lead stopped, with the hint, when the pipeline gives up', async () => {
    await sendAndAccept();
    await poll((req) =>
      req.flush(
        page([
          aLeadSync({
            state: LeadSyncState.Failed,
            errorKind: 'permission',
            errorMessage: 'The app lacks leads_retrieval on this page',
            hint: 'Reconnect and grant leads_retrieval.',
          }),
        ]),
      ),
    );

    expect(steps()[2]).toBe('Fetched from Meta: failed');
    expect(dialogText()).toContain('The app lacks leads_retrieval on this page');
    expect(dialogText()).toContain('Reconnect and grant leads_retrieval.');
    expect(interval.observed).toBe(false);
  });

  it("keeps polling when one poll fails, saying so, and shows Meta's refusal to send", async () => {
    await sendAndAccept();
    await poll((req) => req.flush(anErrorEnvelope(503, 'unavailable', 'Database busy'), { status: 503, statusText: 'x' }));
    expect(dialogText()).toContain('The pipeline could not be asked (Database busy); trying again.');
    expect(interval.observed).toBe(true);
    await poll((req) => req.flush(page([aLeadSync()])));
    expect(dialogText()).not.toContain('could not be asked');
  });

  it('explains a refused send and offers to try again', async () => {
    await click('Send test lead');
    expectRecentSyncsNone();
    http
      .expectOne(`${BASE}/lead-forms/f-1/test-lead`)
      .flush(anErrorEnvelope(409, 'conflict', 'The form is archived at Meta'), { status: 409, statusText: 'Conflict' });
    await stable();

    expect(dialogText()).toContain('The test lead could not be sent: The form is archived at Meta');
    await click('Try again');
    http.expectOne(`${BASE}/lead-forms/f-1/test-lead`).flush({ leadgenId: '1', replacedLeadgenId: '0' });
    await stable();
    expect(dialogText()).toContain('replaced the earlier test lead');
  });

  function expectRecentSyncsNone(): void {
    http.expectNone((req) => req.url === `${BASE}/lead-syncs`);
  }
});
