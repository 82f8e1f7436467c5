import { Test } from '@nestjs/testing';
import { ClsService } from 'nestjs-cls';
import { AsyncLocalStorage } from 'node:async_hooks';
import { RequestContext } from '../../../common/context/request-context';
import { OutgoingHttpClient } from '../../../common/http-client/outgoing-http-client';
import { Mailer } from '../../../common/mail/mailer';
import { AppConfig, loadConfig } from '../../../config/app-config';
import { ContactPointSenders } from './contact-point-senders';
import { EmailSender } from './email.sender';
import { newWebhookSecret } from './standard-webhooks';
import { firingMessage } from './testing/alert-messages';
import { answer, LocalReceiver, startLocalReceiver } from './testing/local-receiver';
import { TwilioSmsSender } from './twilio-sms.sender';
import { WebhookSender } from './webhook.sender';

/** The senders as Nest injects them, so a missing or wrong constructor dependency shows here. */
async function sendersWith(env: Record<string, string>) {
  const moduleRef = await Test.createTestingModule({
    providers: [
      ContactPointSenders,
      EmailSender,
      WebhookSender,
      TwilioSmsSender,
      Mailer,
      OutgoingHttpClient,
      RequestContext,
      { provide: ClsService, useValue: new ClsService(new AsyncLocalStorage()) },
      { provide: AppConfig, useValue: loadConfig(env) },
    ],
  }).compile();
  return moduleRef.get(ContactPointSenders);
}

describe('ContactPointSenders', () => {
  let receiver: LocalReceiver;

  beforeAll(async () => {
    receiver = await startLocalReceiver(answer(204));
  });
  afterAll(() => receiver.close());

  it('holds one sender per type, available as configured', async () => {
    const bare = await sendersWith({});
    expect(bare.of('email')).toBeInstanceOf(EmailSender);
    expect(bare.of('webhook')).toBeInstanceOf(WebhookSender);
    expect(bare.of('sms')).toBeInstanceOf(TwilioSmsSender);
    expect([bare.available('email'), bare.available('webhook'), bare.available('sms')]).toEqual([
      false,
      true,
      false,
    ]);

    const configured = await sendersWith({
      SMTP_URL: 'smtp://127.0.0.1:2525',
      SMS_TWILIO_ACCOUNT_SID: 'AC1',
      SMS_TWILIO_AUTH_TOKEN: 'token',
      SMS_TWILIO_FROM: '+15005550006',
    });
    expect(configured.available('email')).toBe(true);
    expect(configured.available('sms')).toBe(true);
  });

  it("chooses the recipients and the sender by the point's type", async () => {
    const senders = await sendersWith({ ALERT_WEBHOOK_ALLOW_PRIVATE: 'true' });
    const common = { id: 'p1', name: 'Point', secret: null };
    expect(
      senders.recipientsOf({
        ...common,
        type: 'email',
        settings: { addresses: ['a@x.io', 'b@x.io'] },
      }),
    ).toEqual(['a@x.io, b@x.io']);
    expect(
      senders.recipientsOf({ ...common, type: 'sms', settings: { numbers: ['+491'] } }),
    ).toEqual(['+491']);

    const hook = {
      ...common,
      type: 'webhook' as const,
      settings: { url: `${receiver.url}/hook` },
      secret: newWebhookSecret(),
    };
    const [url] = senders.recipientsOf(hook);
    expect(url).toBe(`${receiver.url}/hook`);
    const outcome = await senders.send(hook, url, firingMessage(), {
      deliveryId: 'd1',
      attempt: 1,
    });
    expect(outcome).toEqual({ status: 'sent', responseCode: 204 });
    expect(receiver.last().headers['webhook-id']).toBe('d1');
  });
});
