import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MailMessageDto, MailSummaryDto } from '@legeai/contracts';

import { provideTestConsole } from '../../../../testing/provide-test-console';
import { MailOutboxPage } from './mail-outbox-page';

const MAIL: MailSummaryDto = {
  id: 'm-1',
  to: 'ada@example.com',
  subject: '[LEGEAI] Meta needs a reconnect',
  state: 'kept',
  attempts: 0,
  createdAt: '2026-12-05T10:00:00Z',
  sentAt: null,
  lastError: null,
};

describe('MailOutboxPage', () => {
  let fixture: ComponentFixture<MailOutboxPage>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [MailOutboxPage], providers: provideTestConsole() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MailOutboxPage);
  });

  afterEach(() => http.verify());

  const text = () => document.body.textContent ?? '';
  const load = async (items: MailSummaryDto[]) => {
    http.expectOne((r) => r.url === '/v1/mail-outbox').flush({ items, total: items.length, limit: 25, offset: 0 });
    await fixture.whenStable();
  };

  it('says when no mail was written yet', async () => {
    await load([]);
    expect(text()).toContain('No mails yet');
  });

  it('lists mails with their state in words and opens one with its text', async () => {
    await load([MAIL]);
    expect(text()).toContain('Kept here (no SMTP server)');
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="open-mail"]')!.click();
    const message: MailMessageDto = { ...MAIL, from: 'alerts@legeai.test', text: 'Hello Ada,\n\nMeta needs a reconnect' };
    http.expectOne('/v1/mail-outbox/m-1').flush(message);
    await fixture.whenStable();
    expect(document.querySelector('[data-testid="mail-text"]')?.textContent).toContain('Hello Ada,');
    expect(document.querySelector('[data-testid="mail-subject"]')?.textContent).toContain('[LEGEAI] Meta needs a reconnect');
  });
});
