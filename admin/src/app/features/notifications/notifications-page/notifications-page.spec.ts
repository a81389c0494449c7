import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { AlertEventType, NotificationDto, Page, Role } from '@legeai/contracts';

import { aCurrentUser, anErrorEnvelope } from '../../../../testing/factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { signIn } from '../../../../testing/sign-in';
import { NotificationsPage } from './notifications-page';

function aNotification(overrides: Partial<NotificationDto> = {}): NotificationDto {
  return {
    id: 'n-1',
    eventType: AlertEventType.ReauthRequired,
    kind: 'raised',
    title: 'Meta needs a reconnect',
    body: "Meta refused the connection's token.",
    link: '/integrations/meta',
    alertId: 'a-1',
    createdAt: '2026-12-05T10:00:00Z',
    readAt: null,
    ...overrides,
  };
}

const pageOf = (items: NotificationDto[]): Page<NotificationDto> => ({ items, total: items.length, limit: 25, offset: 0 });

describe('NotificationsPage', () => {
  let fixture: ComponentFixture<NotificationsPage>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [NotificationsPage], providers: provideTestConsole() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotificationsPage);
  });

  afterEach(() => http.verify());

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
  const items = (): HTMLElement[] =>
    Array.from((fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>('[data-testid="notification"]'));
  const load = async (list: NotificationDto[]) => {
    http.expectOne((r) => r.url === '/v1/notifications' && r.params.get('unreadOnly') === 'false').flush(pageOf(list));
    await fixture.whenStable();
  };

  it('lists notifications, unread ones marked, resolved ones saying so, with the event in words', async () => {
    await load([aNotification(), aNotification({ id: 'n-2', kind: 'resolved', readAt: '2026-12-05T11:00:00Z' })]);
    expect(items().map((li) => li.classList.contains('unread'))).toEqual([true, false]);
    expect(items()[1].textContent).toContain('Resolved: Meta needs a reconnect');
    expect(items()[0].textContent).toContain('Meta needs a reconnect ·');
    expect(items()[0].textContent).not.toContain('reauth_required');
  });

  it('says when there is nothing yet', async () => {
    await load([]);
    expect(text()).toContain('No notifications yet');
  });

  it('shows an error with a retry', async () => {
    http
      .expectOne((r) => r.url === '/v1/notifications')
      .flush(anErrorEnvelope(500, 'internal_error', 'Something broke'), { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(text()).toContain('Notifications could not be loaded');
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('lg-error-state button')!.click();
    await load([aNotification()]);
    expect(items()).toHaveLength(1);
  });

  it('opening an unread one marks it read and goes where it is acted on', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await load([aNotification()]);
    items()[0].querySelector<HTMLButtonElement>('button.open')!.click();
    http.expectOne({ method: 'POST', url: '/v1/notifications/n-1/read' }).flush(aNotification({ readAt: '2026-12-05T12:00:00Z' }));
    await fixture.whenStable();
    expect(items()[0].classList.contains('unread')).toBe(false);
    expect(navigate).toHaveBeenCalledWith('/integrations/meta');
  });

  it('marks all read and reads the list again', async () => {
    await load([aNotification()]);
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="mark-all-read"]')!.click();
    http.expectOne({ method: 'POST', url: '/v1/notifications/read-all' }).flush({ marked: 1 });
    await load([aNotification({ readAt: '2026-12-05T12:00:00Z' })]);
    expect(items()[0].classList.contains('unread')).toBe(false);
  });

  describe('for admins', () => {
    it("shows the organisation's open alerts above the user's notifications; other roles do not ask for them", async () => {
      TestBed.resetTestingModule();
      TestBed.configureTestingModule({ imports: [NotificationsPage], providers: provideTestConsole() });
      http = TestBed.inject(HttpTestingController);
      await signIn(aCurrentUser({ role: Role.Admin }));
      fixture = TestBed.createComponent(NotificationsPage);
      await fixture.whenStable();
      http.expectOne('/v1/alerts').flush({ open: [], recent: [] });
      await load([]);
      expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="organisation-alerts"]')?.textContent).toContain(
        'No open alerts',
      );

      TestBed.resetTestingModule();
      TestBed.configureTestingModule({ imports: [NotificationsPage], providers: provideTestConsole() });
      http = TestBed.inject(HttpTestingController);
      await signIn(aCurrentUser({ role: Role.Manager }));
      fixture = TestBed.createComponent(NotificationsPage);
      await load([]);
      http.expectNone('/v1/alerts');
      expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="organisation-alerts"]')).toBeNull();
    });
  });
});
