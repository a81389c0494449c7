import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter } from '@angular/router';
import { LeadDetailDto, LeadDuplicateLinkDto, Role } from '@legeai/contracts';

import { aCurrentUser } from '../../../../testing/factories';
import { aLeadDetail } from '../../../../testing/lead-factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { signIn } from '../../../../testing/sign-in';
import { LeadDuplicates } from './lead-duplicates';

const link = (overrides: Partial<LeadDuplicateLinkDto>): LeadDuplicateLinkDto => ({
  id: 'l-2',
  fullName: 'Radu Popescu',
  receivedAt: '2026-11-21T10:00:00.000Z',
  state: 'duplicate',
  rule: 'email',
  ruleLabel: 'Same email',
  ...overrides,
});

@Component({
  imports: [LeadDuplicates],
  template: `<lg-lead-duplicates [lead]="lead()" [canManage]="canManage()" (changed)="changed.push($event)" />`,
})
class Host {
  readonly lead = signal<LeadDetailDto>(aLeadDetail());
  readonly canManage = signal(true);
  readonly changed: LeadDetailDto[] = [];
}

describe('LeadDuplicates', () => {
  let http: HttpTestingController;

  async function render(lead: LeadDetailDto, canManage = true) {
    TestBed.configureTestingModule({ providers: [...provideTestConsole(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    await signIn(aCurrentUser({ role: canManage ? Role.Manager : Role.Viewer }));
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.lead.set(lead);
    fixture.componentInstance.canManage.set(canManage);
    await fixture.whenStable();
    const text = () => (fixture.nativeElement as HTMLElement).textContent!.replace(/\s+/g, ' ');
    return { fixture, text, root: TestbedHarnessEnvironment.documentRootLoader(fixture) };
  }

  afterEach(() => http.verify());

  const original = aLeadDetail({
    id: 'l-1',
    duplicateLinks: {
      duplicateOf: null,
      duplicates: [link({}), link({ id: 'l-3', fullName: null, state: 'possible', rule: 'phone', ruleLabel: 'Same phone only' })],
      duplicatesTotal: 2,
    },
  });

  it("lists an original's duplicates with their state and reason in words, each linking to its drawer", async () => {
    const { fixture, text } = await render(original);
    expect(text()).toContain('2 later leads are linked to this one');
    expect(text()).toMatch(/Radu Popescu Duplicate Same email · received/);
    expect(text()).toMatch(/A lead without a name Possible duplicate Same phone only · received/);
    expect(text()).not.toMatch(/\bphone_name\b|\bpossible\b|T10:00/);
    const hrefs = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="duplicate-list"] a')).map((a) =>
      a.getAttribute('href'),
    );
    expect(hrefs).toEqual(['/?lead=l-2', '/?lead=l-3']);
  });

  it('unlinks a duplicate with an optional reason, and hands the server’s answer on', async () => {
    const { fixture, root } = await render(original);
    const [first] = await root.getAllHarnesses(MatButtonHarness.with({ text: 'Not a duplicate' }));
    await first.click();
    const dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Not a duplicate');
    await (await dialog.getHarness(MatInputHarness)).setValue('  Spouses sharing an inbox ');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Unlink' }))).click();

    const req = http.expectOne('/v1/leads/l-1/not-duplicate');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ otherLeadId: 'l-2', reason: 'Spouses sharing an inbox' });
    const after = {
      ...original,
      duplicateLinks: { ...original.duplicateLinks, duplicates: original.duplicateLinks.duplicates.slice(1), duplicatesTotal: 1 },
    };
    req.flush(after);
    await fixture.whenStable();
    expect(fixture.componentInstance.changed).toEqual([after]);
  });

  it('shows a possible duplicate its original and the reason, and confirms it', async () => {
    const possible = aLeadDetail({
      id: 'l-3',
      duplicateOfId: 'l-1',
      duplicateState: 'possible',
      duplicateLinks: {
        duplicateOf: link({ id: 'l-1', fullName: 'Ana Popescu', state: 'possible', rule: 'phone', ruleLabel: 'Same phone only' }),
        duplicates: [],
        duplicatesTotal: 0,
      },
    });
    const { fixture, text, root } = await render(possible);
    expect(text()).toMatch(/Possible duplicate of Ana Popescu, received .+Reason: Same phone only/);
    await (await root.getHarness(MatButtonHarness.with({ text: 'Confirm duplicate' }))).click();
    const req = http.expectOne('/v1/leads/l-3/duplicate/confirm');
    req.flush({ ...possible, duplicateState: 'duplicate' });
    await fixture.whenStable();
    expect(fixture.componentInstance.changed.map((l) => l.duplicateState)).toEqual(['duplicate']);
  });

  it('lets viewers read the links but not change them, and says why', async () => {
    const { text, root } = await render(original, false);
    expect(text()).toContain('Read-only');
    expect(await root.getAllHarnesses(MatButtonHarness.with({ text: /Not a duplicate|Confirm/ }))).toHaveLength(0);
  });

  it('shows nothing for a lead linked to no other', async () => {
    const { fixture } = await render(aLeadDetail());
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="duplicates"]')).toBeNull();
  });
});
