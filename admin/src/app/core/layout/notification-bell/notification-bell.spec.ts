import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';

import { ManualInterval, provideManualInterval } from '../../../../testing/manual-interval';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { UNREAD_POLL_MS, UnreadNotifications } from '../../notifications/unread-notifications';
import { NotificationBell } from './notification-bell';

describe('NotificationBell', () => {
  let fixture: ComponentFixture<NotificationBell>;
  let http: HttpTestingController;
  let interval: ManualInterval;

  beforeEach(() => {
    interval = new ManualInterval();
    TestBed.configureTestingModule({
      imports: [NotificationBell],
      // The real store (the test console quiets it for other specs).
      providers: [
        ...provideTestConsole(),
        provideManualInterval(interval),
        { provide: UnreadNotifications, useClass: UnreadNotifications },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotificationBell);
  });

  afterEach(() => http.verify());

  const link = () => (fixture.nativeElement as HTMLElement).querySelector('[data-testid="notification-bell"]') as HTMLAnchorElement;
  const badge = () => (fixture.nativeElement as HTMLElement).querySelector('.mat-badge-content');
  const answer = async (unread: number) => {
    http.expectOne('/v1/notifications/unread-count').flush({ unread });
    await fixture.whenStable();
  };

  it('shows the unread count and opens the Notifications page', async () => {
    await answer(3);
    expect(badge()?.textContent?.trim()).toBe('3');
    expect(link().classList.contains('mat-badge-hidden')).toBe(false);
    expect(link().getAttribute('aria-label')).toBe('Notifications: 3 unread');
    expect(link().getAttribute('href')).toBe('/notifications');
  });

  it('hides the badge when nothing is unread', async () => {
    await answer(0);
    expect(link().getAttribute('aria-label')).toBe('Notifications');
    expect(link().classList.contains('mat-badge-hidden')).toBe(true);
  });

  it('asks again every minute and after each navigation', async () => {
    await answer(1);
    expect(interval.periods).toEqual([UNREAD_POLL_MS]);
    interval.tick();
    await answer(2);
    expect(badge()?.textContent?.trim()).toBe('2');
    await TestBed.inject(Router).navigateByUrl('/');
    await answer(0);
  });

  it('stops asking when the signed-in frame goes away', async () => {
    await answer(1);
    fixture.destroy();
    expect(interval.observed).toBe(false);
  });
});
