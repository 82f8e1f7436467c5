import { InvalidRequestError } from '../../../common/errors/domain-errors';
import { AppConfig } from '../../../config/app-config';
import { newWebhookSecret } from '../channels/standard-webhooks';
import { unavailableReason } from './contact-point-availability';
import { ContactPointInput, validContactPoint } from './contact-point-input';

/** The field errors `validContactPoint` answers with, or undefined when the input is valid. */
function errorsOf(input: ContactPointInput, unavailable?: string) {
  try {
    validContactPoint(input, unavailable);
    return undefined;
  } catch (error) {
    if (!(error instanceof InvalidRequestError)) throw error;
    return error.details;
  }
}

describe('validContactPoint', () => {
  it('keeps email addresses trimmed, without repeats', () => {
    expect(
      validContactPoint(
        {
          type: 'email',
          settings: { addresses: [' ops@example.com ', 'OPS@example.com', 'dev@example.com'] },
        },
        undefined,
      ),
    ).toEqual({ type: 'email', settings: { addresses: ['ops@example.com', 'dev@example.com'] } });
  });

  it('names each invalid address and the bounds of the list', () => {
    expect(
      errorsOf({ type: 'email', settings: { addresses: ['ops@example.com', 'not an email', 7] } }),
    ).toEqual({
      'settings.addresses.1': [
        'address 2 must be a valid email address such as oncall@example.com',
      ],
      'settings.addresses.2': ['address 3 must be a text'],
    });
    expect(errorsOf({ type: 'email', settings: { addresses: [] } })).toEqual({
      'settings.addresses': ['addresses must contain at least 1 address'],
    });
    const many = Array.from({ length: 21 }, (_, index) => `user${index}@example.com`);
    expect(errorsOf({ type: 'email', settings: { addresses: many } })).toEqual({
      'settings.addresses': ['addresses must contain at most 20 addresses'],
    });
    expect(errorsOf({ type: 'email', settings: { addresses: 'ops@example.com' } })).toEqual({
      'settings.addresses': ['addresses must be a list of addresses'],
    });
  });

  it('accepts http(s) webhook URLs and stores them normalised', () => {
    expect(
      validContactPoint(
        { type: 'webhook', settings: { url: 'https://Example.COM/hook' } },
        undefined,
      ),
    ).toEqual({ type: 'webhook', settings: { url: 'https://example.com/hook' } });
  });

  it.each([
    ['another scheme', 'ftp://example.com/hook', 'url must start with http:// or https://'],
    ['a script', 'javascript:alert(1)', 'url must start with http:// or https://'],
    ['words', 'not a url', 'url must not contain spaces or control characters'],
    ['no scheme', 'example.com/hook', 'url must be a URL such as https://example.com/hooks/alerts'],
    [
      'credentials',
      'https://user:pass@example.com/hook',
      'url must not contain a user name or password: receivers check the signature made with the secret instead',
    ],
    ['a tab', 'https://example.com/a\tb', 'url must not contain spaces or control characters'],
    ['too long', `https://example.com/${'a'.repeat(2030)}`, 'url must be at most 2048 characters'],
  ])('refuses a webhook URL with %s', (_what, url, message) => {
    expect(errorsOf({ type: 'webhook', settings: { url } })).toEqual({ 'settings.url': [message] });
  });

  it('refuses SMS numbers that are not E.164, and too many', () => {
    expect(
      errorsOf({ type: 'sms', settings: { numbers: ['+4915112345678', '015112345678'] } }),
    ).toEqual({
      'settings.numbers.1': [
        'number 2 must be an E.164 number: a plus, the country code and the number, without spaces (e.g. +4915112345678)',
      ],
    });
    const many = Array.from({ length: 11 }, (_, index) => `+49151123456${10 + index}`);
    expect(errorsOf({ type: 'sms', settings: { numbers: many } })).toEqual({
      'settings.numbers': ['numbers must contain at most 10 numbers'],
    });
  });

  it('refuses settings of another type, naming the one that fits', () => {
    expect(errorsOf({ type: 'webhook', settings: { addresses: ['ops@example.com'] } })).toEqual({
      'settings.addresses': [
        'addresses is a setting of email contact points; webhook contact points take url',
      ],
      'settings.url': ['url is required for webhook contact points'],
    });
    expect(
      errorsOf({
        type: 'email',
        settings: { addresses: ['ops@example.com'], url: 'https://example.com', extra: 1 },
      }),
    ).toEqual({
      'settings.url': [
        'url is a setting of webhook contact points; email contact points take addresses',
      ],
      'settings.extra': ['property extra should not exist'],
    });
  });

  it('takes a whsec_ secret for webhooks only', () => {
    const secret = newWebhookSecret();
    expect(
      validContactPoint(
        { type: 'webhook', settings: { url: 'https://example.com/hook' }, secret },
        undefined,
      ).secret,
    ).toBe(secret);
    expect(
      errorsOf({
        type: 'webhook',
        settings: { url: 'https://example.com/hook' },
        secret: 'hunter2',
      }),
    ).toEqual({
      secret: [
        'secret must be whsec_ followed by 24 to 64 random bytes in base64; leave it out to have one generated',
      ],
    });
    // 16 bytes: too short for the specification.
    expect(
      errorsOf({
        type: 'webhook',
        settings: { url: 'https://example.com/hook' },
        secret: `whsec_${Buffer.alloc(16, 1).toString('base64')}`,
      }),
    ).toHaveProperty('secret');
    expect(
      errorsOf({ type: 'email', settings: { addresses: ['ops@example.com'] }, secret }),
    ).toEqual({
      secret: [
        'secret is only for webhook contact points (it signs their requests); leave it out for email',
      ],
    });
  });

  it('says why the server cannot send through the type', () => {
    expect(
      errorsOf({ type: 'sms', settings: { numbers: ['+4915112345678'] } }, 'SMS is not configured'),
    ).toEqual({ type: ['SMS is not configured'] });
  });
});

describe('unavailableReason', () => {
  const config = (settings: Partial<AppConfig>) => Object.assign(new AppConfig(), settings);

  it('needs SMTP_URL for email', () => {
    expect(unavailableReason('email', config({}))).toBe(
      'Email is not configured on this server: set SMTP_URL',
    );
    expect(unavailableReason('email', config({ SMTP_URL: 'smtp://localhost:25' }))).toBeUndefined();
  });

  it('needs all three Twilio settings for SMS', () => {
    const twilio = {
      SMS_TWILIO_ACCOUNT_SID: 'AC123',
      SMS_TWILIO_AUTH_TOKEN: 'token',
      SMS_TWILIO_FROM: '+15005550006',
    };
    expect(unavailableReason('sms', config(twilio))).toBeUndefined();
    expect(unavailableReason('sms', config({ ...twilio, SMS_TWILIO_FROM: undefined }))).toBe(
      'SMS is not configured on this server: set SMS_TWILIO_ACCOUNT_SID, SMS_TWILIO_AUTH_TOKEN and SMS_TWILIO_FROM',
    );
  });

  it('needs nothing for webhooks', () => {
    expect(unavailableReason('webhook', config({}))).toBeUndefined();
  });
});
