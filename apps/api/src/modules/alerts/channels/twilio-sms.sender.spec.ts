import { ClsService } from 'nestjs-cls';
import { AsyncLocalStorage } from 'node:async_hooks';
import { RequestContext, RequestContextStore } from '../../../common/context/request-context';
import { OutgoingHttpClient } from '../../../common/http-client/outgoing-http-client';
import { loadConfig } from '../../../config/app-config';
import type { ContactPoint } from './contact-point';
import { smsText } from './sms-text';
import { firingMessage } from './testing/alert-messages';
import { answer, LocalReceiver, startLocalReceiver } from './testing/local-receiver';
import { TwilioSmsSender } from './twilio-sms.sender';

type SmsPoint = Extract<ContactPoint, { type: 'sms' }>;

const SID = 'AC0123456789abcdef';
const TOKEN = 'tok3n-very-secret';
const FROM = '+15005550006';

const point: SmsPoint = {
  id: 'c0ffee00-0000-4000-8000-000000000003',
  name: 'On-call phones',
  type: 'sms',
  settings: { numbers: ['+4915112345678', '+4915187654321'] },
  secret: null,
};
const ATTEMPT = { deliveryId: 'd-sms', attempt: 1 };

describe('TwilioSmsSender', () => {
  const client = new OutgoingHttpClient(
    new RequestContext(new ClsService<RequestContextStore>(new AsyncLocalStorage())),
  );
  let gateway: LocalReceiver;

  const senderWith = (env: Record<string, string | undefined> = {}) =>
    new TwilioSmsSender(
      client,
      loadConfig({
        SMS_TWILIO_ACCOUNT_SID: SID,
        SMS_TWILIO_AUTH_TOKEN: TOKEN,
        SMS_TWILIO_FROM: FROM,
        SMS_TWILIO_BASE_URL: gateway.url,
        ALERT_WEBHOOK_ALLOW_PRIVATE: 'true',
        ...env,
      }),
    );

  beforeAll(async () => {
    gateway = await startLocalReceiver();
  });
  afterAll(() => gateway.close());
  beforeEach(() => {
    gateway.answerWith(
      answer(201, { 'content-type': 'application/json' }, '{"sid":"SM1","status":"queued"}'),
    );
  });

  it('posts To, From and Body to the Messages API with Basic auth', async () => {
    const sender = senderWith();
    expect(sender.available).toBe(true);
    expect(sender.recipientsOf(point)).toEqual(['+4915112345678', '+4915187654321']);

    const outcome = await sender.send(point, '+4915112345678', firingMessage(), ATTEMPT);
    expect(outcome).toEqual({ status: 'sent', responseCode: 201 });

    const request = gateway.last();
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers['user-agent']).toBe('Ledgerlens-Alerting');
    expect(request.headers['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-3]$/);
    const [scheme, credentials] = (request.headers.authorization ?? '').split(' ');
    expect(scheme).toBe('Basic');
    expect(Buffer.from(credentials, 'base64').toString()).toBe(`${SID}:${TOKEN}`);

    const form = new URLSearchParams(request.body);
    expect([...form.keys()].sort()).toEqual(['Body', 'From', 'To']);
    expect(form.get('To')).toBe('+4915112345678');
    expect(form.get('From')).toBe(FROM);
    expect(form.get('Body')).toBe(smsText(firingMessage()));
    expect(form.get('Body')).toMatch(
      /^FIRING: High p95 latency critical 2 instances, 350 > 200 ms/,
    );
  });

  it("fails for good on Twilio's 400, with its reason and without the token", async () => {
    gateway.answerWith(
      answer(
        400,
        { 'content-type': 'application/json' },
        JSON.stringify({
          code: 21211,
          message: `The 'To' number +49 is not a valid phone number. ${TOKEN}`,
          status: 400,
        }),
      ),
    );
    const outcome = await senderWith().send(point, '+49', firingMessage(), ATTEMPT);
    expect(outcome).toMatchObject({ status: 'failed', responseCode: 400, permanent: true });
    expect(outcome.error).toContain("The 'To' number +49 is not a valid phone number.");
    expect(outcome.error).toContain('Twilio error 21211');
    expect(JSON.stringify(outcome)).not.toContain(TOKEN);
  });

  it('retries a rate limit after the Retry-After asked for', async () => {
    gateway.answerWith(answer(429, { 'Retry-After': '12' }, 'slow down'));
    const outcome = await senderWith().send(point, '+4915112345678', firingMessage(), ATTEMPT);
    expect(outcome).toEqual({
      status: 'failed',
      responseCode: 429,
      error: 'HTTP 429 Too Many Requests',
      retryAfterMs: 12_000,
    });
  });

  it('does not call a gateway on a local address unless ALERT_WEBHOOK_ALLOW_PRIVATE is on', async () => {
    const before = gateway.received.length;
    const outcome = await senderWith({ ALERT_WEBHOOK_ALLOW_PRIVATE: 'false' }).send(
      point,
      '+4915112345678',
      firingMessage(),
      ATTEMPT,
    );
    expect(outcome).toMatchObject({ status: 'failed', permanent: true });
    expect(gateway.received).toHaveLength(before);
  });

  it('is unavailable without the Twilio settings, and then fails for good', async () => {
    const sender = senderWith({
      SMS_TWILIO_ACCOUNT_SID: '',
      SMS_TWILIO_AUTH_TOKEN: '',
      SMS_TWILIO_FROM: '',
    });
    expect(sender.available).toBe(false);
    expect(await sender.send(point, '+4915112345678', firingMessage(), ATTEMPT)).toMatchObject({
      status: 'failed',
      permanent: true,
    });
  });
});
