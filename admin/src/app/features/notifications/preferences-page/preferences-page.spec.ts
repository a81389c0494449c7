import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { AlertEventType, NotificationPreferencesDto } from '@legeai/contracts';

import { provideTestConsole } from '../../../../testing/provide-test-console';
import { PreferencesPage } from './preferences-page';

const STORED: NotificationPreferencesDto = {
  events: [
    { eventType: AlertEventType.ReauthRequired, inApp: true, email: true },
    { eventType: AlertEventType.SyncFailing, inApp: true, email: true },
    { eventType: AlertEventType.NewLead, inApp: true, email: false },
  ],
  newLeadFrequency: 'off',
};

describe('PreferencesPage', () => {
  let fixture: ComponentFixture<PreferencesPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [PreferencesPage], providers: provideTestConsole() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PreferencesPage);
    http.expectOne('/v1/notification-preferences').flush(STORED);
    await fixture.whenStable();
    // The organisation's thresholds below (their own spec: alert-settings-card.spec.ts).
    http
      .expectOne('/v1/alert-settings')
      .flush({ failedLeadsThreshold: 5, parkedLeadsThreshold: 1, failedLeadsWindowHours: 24, syncFailuresInARow: 3 });
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const checkbox = (testId: string) => root().querySelector<HTMLInputElement>(`[data-testid="${testId}"] input`)!;
  const save = () => root().querySelector<HTMLButtonElement>('[data-testid="save-preferences"]')!;

  it('shows each event in words with its channels, and nothing to save until something changes', () => {
    expect(root().textContent).toContain('A sync keeps failing');
    expect(root().textContent).not.toContain('sync_failing');
    expect(checkbox('pref-sync_failing-email').checked).toBe(true);
    expect(checkbox('pref-new_lead-email').checked).toBe(false);
    expect(save().disabled).toBe(true);
  });

  it("shows the organisation's alert thresholds below the user's own channels", () => {
    expect(root().querySelector('[data-testid="alert-settings"]')?.textContent).toContain('Alert settings');
  });

  it('saves a toggled channel and the new-lead frequency', async () => {
    checkbox('pref-sync_failing-email').click();
    root().querySelector<HTMLInputElement>('[data-testid="frequency-hourly"] input')!.click();
    await fixture.whenStable();
    expect(save().disabled).toBe(false);
    save().click();
    const request = http.expectOne({ method: 'PUT', url: '/v1/notification-preferences' });
    expect(request.request.body).toEqual({
      events: [STORED.events[0], { eventType: AlertEventType.SyncFailing, inApp: true, email: false }, STORED.events[2]],
      newLeadFrequency: 'hourly',
    });
    request.flush(request.request.body);
    await fixture.whenStable();
    expect(save().disabled).toBe(true);
  });
});
