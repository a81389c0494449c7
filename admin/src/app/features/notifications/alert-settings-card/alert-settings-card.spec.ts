import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { AlertSettingsDto, Role } from '@legeai/contracts';

import { aCurrentUser, anErrorEnvelope } from '../../../../testing/factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { signIn } from '../../../../testing/sign-in';
import { AlertSettingsCard } from './alert-settings-card';

const STORED: AlertSettingsDto = { failedLeadsThreshold: 5, parkedLeadsThreshold: 1, failedLeadsWindowHours: 24, syncFailuresInARow: 3 };

describe('AlertSettingsCard', () => {
  let fixture: ComponentFixture<AlertSettingsCard>;
  let http: HttpTestingController;

  async function open(role: Role): Promise<void> {
    TestBed.configureTestingModule({ imports: [AlertSettingsCard], providers: provideTestConsole() });
    http = TestBed.inject(HttpTestingController);
    await signIn(aCurrentUser({ role }));
    fixture = TestBed.createComponent(AlertSettingsCard);
    await fixture.whenStable();
  }

  async function load(settings: AlertSettingsDto = STORED): Promise<void> {
    http.expectOne({ method: 'GET', url: '/v1/alert-settings' }).flush(settings);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const input = (key: keyof AlertSettingsDto) => root().querySelector<HTMLInputElement>(`[data-testid="alert-setting-${key}"]`)!;
  const save = () => root().querySelector<HTMLButtonElement>('[data-testid="save-alert-settings"]');
  async function type(key: keyof AlertSettingsDto, value: string): Promise<void> {
    const el = input(key);
    el.value = value;
    el.dispatchEvent(new Event('input'));
    el.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }

  it('shows a progress bar, then the thresholds; nothing to save until one changes', async () => {
    await open(Role.Admin);
    expect(root().querySelector('mat-progress-bar')).not.toBeNull();
    await load();
    expect(root().querySelector('mat-progress-bar')).toBeNull();
    expect(input('failedLeadsThreshold').value).toBe('5');
    expect(input('failedLeadsWindowHours').value).toBe('24');
    expect(root().querySelector('[data-testid="read-only-hint"]')).toBeNull();
    expect(save()!.disabled).toBe(true);
  });

  it('says what is wrong with a value out of bounds or not whole, and will not save it', async () => {
    await open(Role.Admin);
    await load();
    await type('failedLeadsWindowHours', '200');
    expect(root().textContent).toContain('A whole number from 1 to 168.');
    expect(save()!.disabled).toBe(true);
    await type('failedLeadsWindowHours', '2.5');
    expect(root().textContent).toContain('A whole number from 1 to 168.');
    await type('syncFailuresInARow', '');
    expect(root().textContent).toContain('Enter a number.');
    expect(save()!.disabled).toBe(true);
  });

  it('saves the changed thresholds', async () => {
    await open(Role.Admin);
    await load();
    await type('failedLeadsThreshold', '10');
    await type('syncFailuresInARow', '5');
    expect(save()!.disabled).toBe(false);
    save()!.click();
    const put = http.expectOne({ method: 'PUT', url: '/v1/alert-settings' });
    expect(put.request.body).toEqual({ ...STORED, failedLeadsThreshold: 10, syncFailuresInARow: 5 });
    put.flush(put.request.body);
    await fixture.whenStable();
    expect(input('failedLeadsThreshold').value).toBe('10');
    expect(save()!.disabled).toBe(true);
  });

  it('is read-only, saying so, for other roles', async () => {
    await open(Role.Manager);
    await load();
    expect(root().querySelector('[data-testid="read-only-hint"]')?.textContent).toContain('Admins change the alert thresholds.');
    expect(input('parkedLeadsThreshold').disabled).toBe(true);
    expect(input('parkedLeadsThreshold').value).toBe('1');
    expect(save()).toBeNull();
  });

  it('shows an error with a retry', async () => {
    await open(Role.Viewer);
    http.expectOne('/v1/alert-settings').flush(anErrorEnvelope(503, 'service_unavailable', 'Database down'), {
      status: 503,
      statusText: 'Unavailable',
    });
    await fixture.whenStable();
    expect(root().textContent).toContain('The alert settings could not be loaded');
    root().querySelector<HTMLButtonElement>('lg-error-state button')!.click();
    await load();
    expect(input('syncFailuresInARow').value).toBe('3');
  });
});
