import fc from 'fast-check';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import {
  isWebhookSecret,
  newWebhookSecret,
  signWebhook,
  standardWebhookHeaders,
} from './standard-webhooks';

/** The published test vector of the Standard Webhooks reference libraries. */
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('Standard Webhooks signing', () => {
  it('reproduces the specification test vector', () => {
    expect(signWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(
      VECTOR.signature,
    );
    const headers = standardWebhookHeaders(
      VECTOR.secret,
      VECTOR.id,
      VECTOR.body,
      new Date(VECTOR.timestamp * 1000 + 999),
    );
    expect(headers).toEqual({
      'webhook-id': VECTOR.id,
      'webhook-timestamp': String(VECTOR.timestamp),
      'webhook-signature': VECTOR.signature,
    });
  });

  it('signs what the standardwebhooks library verifies, for any body and ID', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.stringMatching(/^[\w-]{1,40}$/),
        (body, id) => {
          const secret = newWebhookSecret();
          const headers = standardWebhookHeaders(secret, id, body);
          expect(() =>
            new Webhook(secret).verify(body, { ...headers }, { jsonParse: false }),
          ).not.toThrow();
          const sentAt = new Date(Number(headers['webhook-timestamp']) * 1000);
          expect(new Webhook(secret).sign(id, sentAt, body)).toBe(headers['webhook-signature']);
        },
      ),
    );
  });

  it('signs a signature the library rejects for another body or another secret', () => {
    const secret = newWebhookSecret();
    const headers = standardWebhookHeaders(secret, 'msg_1', '{"a":1}');
    const verify = (webhookSecret: string, body: string) =>
      new Webhook(webhookSecret).verify(body, { ...headers });
    expect(() => verify(secret, '{"a":2}')).toThrow(WebhookVerificationError);
    expect(() => verify(newWebhookSecret(), '{"a":1}')).toThrow(WebhookVerificationError);
  });

  it('makes new secrets of 32 random bytes, each different', () => {
    const secrets = new Set(Array.from({ length: 50 }, () => newWebhookSecret()));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(isWebhookSecret(secret)).toBe(true);
    }
  });

  it.each([
    ['without the prefix', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
    ['empty', 'whsec_'],
    ['not base64', 'whsec_not base64 at all!!!!!!!!!!!'],
    ['shorter than 24 bytes', `whsec_${Buffer.alloc(23, 1).toString('base64')}`],
    ['longer than 64 bytes', `whsec_${Buffer.alloc(65, 1).toString('base64')}`],
  ])('does not take a secret %s', (_case, secret) => {
    expect(isWebhookSecret(secret)).toBe(false);
  });

  it('refuses to sign with a secret that is not whsec_, or an ID with a dot', () => {
    expect(() => signWebhook('plain', 'msg_1', 1, '{}')).toThrow(/whsec_/);
    expect(() => signWebhook(VECTOR.secret, 'msg.1', 1, '{}')).toThrow(/must not contain/);
  });
});
