import { AlertEventType, Role } from '@legeai/contracts';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { loadEnv } from '../../src/config/load-env';
import { AlertDeliveryWriter } from '../../src/modules/alerts/delivery/alert-delivery.writer';
import { MailQueue } from '../../src/modules/alerts/delivery/mail-queue';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { freePort } from '../utils/free-port';
import { FIRST_ADMIN, login, type SignedInUser } from '../utils/identity-fixtures';
import { waitFor } from '../utils/wait-for';

jest.setTimeout(120_000);

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server in the test's process (the smtp-server package): it refuses as told, then keeps what it takes. */
async function startSmtpServer(port: number, refuseFirst: number) {
  const received: Received[] = [];
  let refusals = refuseFirst;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--;
          callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
          return;
        }
        received.push({
          from: (session.envelope.mailFrom as SMTPServerAddress).address,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('Alerts: mails over SMTP (e2e, a local SMTP server)', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    const port = await freePort();
    smtp = await startSmtpServer(port, 1);
    t = await createTestApp({
      env: {
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        MAIL_FROM: 'LEGEAI Alerts <alerts@legeai.test>',
        ALERTS_MAIL_RETRY_DELAY_MS: '50',
        PUBLIC_URL: 'https://console.legeai.test',
      },
    });
    admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('sends a mail through the SMTP server, retrying a temporary refusal, and records it sent', async () => {
    const writer = t.app.get(AlertDeliveryWriter);
    const queued = await t.dataSource.transaction((m) =>
      writer.write(
        m,
        {
          organisationId: admin.organisationId,
          alertId: null,
          eventType: AlertEventType.SyncFailing,
          kind: 'raised',
          title: 'The catalog sync keeps failing',
          body: 'Last error: boom',
          link: '/catalog',
        },
        [{ member: { id: admin.id, email: admin.email, name: 'Ada Admin', role: Role.Admin }, inApp: true, email: true }],
      ),
    );
    expect(queued).toHaveLength(1);
    await t.app.get(MailQueue).enqueue(queued);

    const [row] = await waitFor('the mail sent', async () => {
      const rows = await t.dataSource.query(`SELECT state, attempts, last_error, message_id FROM mail_outbox WHERE id = $1`, [
        queued[0].id,
      ]);
      return rows[0]?.state === 'sent' ? rows : null;
    });
    // The first try met the 451, the second got through.
    expect(row.attempts).toBe(2);
    expect(row.last_error).toBeNull();
    expect(row.message_id).toEqual(expect.any(String));
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.from).toBe('alerts@legeai.test');
    expect(mail.to).toEqual([admin.email]);
    expect(mail.raw).toMatch(/^Subject: \[LEGEAI\] The catalog sync keeps failing/m);
    expect(mail.raw).toMatch(/^From: LEGEAI Alerts <alerts@legeai\.test>/m);
    expect(mail.raw).toContain('https://console.legeai.test/catalog');

    // The console notification was written in the same transaction.
    const list = await t.http.get('/v1/notifications').set(admin.auth).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ title: 'The catalog sync keeps failing', kind: 'raised' })]);
    // The outbox lists it as sent.
    const outbox = await t.http.get('/v1/mail-outbox').set(admin.auth).expect(200);
    expect(outbox.body.items).toEqual([expect.objectContaining({ id: queued[0].id, state: 'sent', attempts: 2, to: admin.email })]);
  });

  it('refuses to boot with an SMTP_URL or MAIL_FROM that is not one', () => {
    expect(() => loadEnv({ NODE_ENV: 'test', SMTP_URL: 'http://mail.example.com' }, { envFile: false })).toThrow(/SMTP_URL/);
    expect(() => loadEnv({ NODE_ENV: 'test', MAIL_FROM: 'not an address' }, { envFile: false })).toThrow(/MAIL_FROM/);
  });
});
