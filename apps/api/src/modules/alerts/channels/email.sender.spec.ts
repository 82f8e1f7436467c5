import { Mailer } from '../../../common/mail/mailer';
import { ReceivedMail, SmtpInbox, startSmtpInbox } from '../../../common/mail/testing/smtp-inbox';
import { loadConfig } from '../../../config/app-config';
import type { ContactPoint } from './contact-point';
import { EmailSender, smtpCodeOf } from './email.sender';
import { firingMessage, resolvedMessage } from './testing/alert-messages';

type EmailPoint = Extract<ContactPoint, { type: 'email' }>;

function senderFor(smtpUrl?: string) {
  const mailer = new Mailer(
    loadConfig({ SMTP_URL: smtpUrl, ALERT_EMAIL_FROM: 'Ledgerlens <alerts@ledgerlens.test>' }),
  );
  return { mailer, sender: new EmailSender(mailer) };
}

const point: EmailPoint = {
  id: 'c0ffee00-0000-4000-8000-000000000002',
  name: 'On-call mail',
  type: 'email',
  settings: { addresses: ['oncall@example.com', 'lead@example.com'] },
  secret: null,
};
const ATTEMPT = { deliveryId: 'd-email', attempt: 1 };

describe('EmailSender', () => {
  let smtp: SmtpInbox;
  let mailer: Mailer;
  let sender: EmailSender;

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    ({ mailer, sender } = senderFor(`smtp://127.0.0.1:${smtp.port}`));
  });
  afterAll(async () => {
    mailer.onModuleDestroy();
    await smtp.close();
  });

  it('sends one email to all addresses of the contact point', async () => {
    expect(sender.available).toBe(true);
    const recipients = sender.recipientsOf(point);
    expect(recipients).toEqual(['oncall@example.com, lead@example.com']);

    const outcome = await sender.send(point, recipients[0], firingMessage(), ATTEMPT);
    expect(outcome).toEqual({ status: 'sent', responseCode: 250 });

    const { mail, envelopeTo } = smtp.received.at(-1) as ReceivedMail;
    expect(envelopeTo).toEqual(['oncall@example.com', 'lead@example.com']);
    expect(mail.subject).toBe('[FIRING:2] High p95 latency (critical)');
    expect(mail.from?.value).toEqual([{ address: 'alerts@ledgerlens.test', name: 'Ledgerlens' }]);
    expect(mail.text).toContain('p95 latency > 200 ms over the last 5 minutes');
    expect(mail.text).toContain('route=/api/v1/transactions: 350 ms');
    expect(mail.text).toContain('route=/api/v1/budgets: 260 ms');
    expect(mail.text).toContain(`Open the rule: ${firingMessage().ruleUrl}`);
    expect(mail.html).toContain(`<a href="${firingMessage().ruleUrl}">`);
  });

  it('sends a resolved email whose HTML escapes the rule name', async () => {
    const message = resolvedMessage();
    message.rule = { ...message.rule, name: 'Latency <script>alert(1)</script>' };
    const outcome = await sender.send(point, sender.recipientsOf(point)[0], message, ATTEMPT);
    expect(outcome).toMatchObject({ status: 'sent', responseCode: 250 });

    const { mail } = smtp.received.at(-1) as ReceivedMail;
    expect(mail.subject).toBe('[RESOLVED] Latency <script>alert(1)</script> (critical)');
    expect(mail.text).toContain('Resolved: 2 instances back to normal.');
    expect(mail.text).toContain('route=/api/v1/transactions: 120 ms');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Latency &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('fails for good when the server refuses with a 5xx', async () => {
    const refusing = await startSmtpInbox(() => ({ code: 550, text: 'No such user here' }));
    const { mailer: refusedMailer, sender: refused } = senderFor(
      `smtp://127.0.0.1:${refusing.port}`,
    );
    try {
      const outcome = await refused.send(point, 'nobody@example.com', firingMessage(), ATTEMPT);
      expect(outcome).toMatchObject({ status: 'failed', responseCode: 550, permanent: true });
      expect(outcome.error).toContain('No such user here');
      expect(refusing.received).toHaveLength(0);
    } finally {
      refusedMailer.onModuleDestroy();
      await refusing.close();
    }
  });

  it('retries when the server refuses for now with a 4xx', async () => {
    const busy = await startSmtpInbox(() => ({ code: 451, text: 'Try again later' }));
    const { mailer: busyMailer, sender: deferred } = senderFor(`smtp://127.0.0.1:${busy.port}`);
    try {
      const outcome = await deferred.send(point, 'oncall@example.com', firingMessage(), ATTEMPT);
      expect(outcome).toMatchObject({ status: 'failed', responseCode: 451 });
      expect(outcome.permanent).toBeUndefined();
    } finally {
      busyMailer.onModuleDestroy();
      await busy.close();
    }
  });

  it('retries when no server answers, without quoting the SMTP credentials', async () => {
    const { mailer: lostMailer, sender: lost } = senderFor('smtp://mailuser:s3cret@127.0.0.1:1');
    try {
      const outcome = await lost.send(point, 'oncall@example.com', firingMessage(), ATTEMPT);
      expect(outcome.status).toBe('failed');
      expect(outcome.permanent).toBeUndefined();
      expect(JSON.stringify(outcome)).not.toMatch(/s3cret|mailuser/);
    } finally {
      lostMailer.onModuleDestroy();
    }
  });

  it('is unavailable without SMTP_URL, and then fails for good', async () => {
    const { sender: unconfigured } = senderFor(undefined);
    expect(unconfigured.available).toBe(false);
    expect(
      await unconfigured.send(point, 'oncall@example.com', firingMessage(), ATTEMPT),
    ).toMatchObject({
      status: 'failed',
      permanent: true,
      error: expect.stringMatching(/SMTP_URL/) as unknown,
    });
  });

  it.each([
    ['250 2.0.0 OK queued', 250],
    ['550-5.1.1 first line', 550],
    ['', undefined],
    ['OK', undefined],
  ])('reads the reply code of %j', (reply, code) => {
    expect(smtpCodeOf(reply)).toBe(code);
  });
});
