import { ApiError } from '../../lib/api-error';
import {
  contactPointBody,
  contactPointValues,
  fieldMessage,
  listOf,
  NEW_CONTACT_POINT,
  newWebhookSecret,
} from './contact-point-form';
import { aContactPoint } from '../admin-alerts/testing/factories';

const invalid = (details: Record<string, string[]>) =>
  new ApiError(400, { message: 'Validation failed', details }, 'Bad Request');

describe('listOf', () => {
  it('takes entries one a line or separated by commas and semicolons, trimmed', () => {
    expect(listOf(' a@example.com\n\nb@example.com , c@example.com;d@example.com ')).toEqual([
      'a@example.com',
      'b@example.com',
      'c@example.com',
      'd@example.com',
    ]);
  });

  it('keeps repeats, so the API’s numbered messages match what was typed', () => {
    expect(listOf('+4915112345678\n+4915112345678')).toHaveLength(2);
  });
});

describe('contactPointBody', () => {
  it('sends only the chosen type’s setting', () => {
    const values = {
      ...NEW_CONTACT_POINT,
      name: '  On-call  ',
      type: 'sms' as const,
      addresses: 'left@example.com',
      numbers: '+4915112345678\n+441632960961',
      url: 'https://left.example.com',
    };
    expect(contactPointBody(values)).toEqual({
      name: 'On-call',
      type: 'sms',
      settings: { numbers: ['+4915112345678', '+441632960961'] },
    });
    expect(contactPointBody({ ...values, type: 'email' }).settings).toEqual({
      addresses: ['left@example.com'],
    });
  });

  it('leaves an empty secret out, so the stored one is kept or one is generated', () => {
    const webhook = {
      ...NEW_CONTACT_POINT,
      name: 'Bot',
      type: 'webhook' as const,
      url: ' https://x.example.com/h ',
    };
    expect(contactPointBody(webhook)).toEqual({
      name: 'Bot',
      type: 'webhook',
      settings: { url: 'https://x.example.com/h' },
    });
    expect(contactPointBody({ ...webhook, secret: ' whsec_abc ' }).secret).toBe('whsec_abc');
  });

  it('never sends a secret for a type that takes none', () => {
    const email = { ...NEW_CONTACT_POINT, type: 'email' as const, secret: 'whsec_abc' };
    expect(contactPointBody(email)).not.toHaveProperty('secret');
  });
});

describe('contactPointValues', () => {
  it('fills the field of the contact point’s type, one entry a line, and no secret', () => {
    const values = contactPointValues(
      aContactPoint({
        name: 'Mail',
        type: 'email',
        settings: { addresses: ['a@example.com', 'b@example.com'] },
      }),
    );
    expect(values).toEqual({
      ...NEW_CONTACT_POINT,
      name: 'Mail',
      type: 'email',
      addresses: 'a@example.com\nb@example.com',
    });
    expect(
      contactPointValues(aContactPoint({ settings: { url: 'https://h.example.com/' } })).url,
    ).toBe('https://h.example.com/');
  });
});

describe('fieldMessage', () => {
  const error = invalid({
    'settings.addresses': ['addresses must contain at least 1 address'],
    'settings.addresses.1': ['address 2 must be a valid email address such as oncall@example.com'],
    settingsX: ['unrelated'],
    type: ['Email is not configured on this server: set SMTP_URL'],
  });

  it('gathers a field’s messages and those of its parts', () => {
    expect(fieldMessage(error, 'settings.addresses')).toBe(
      'addresses must contain at least 1 address; address 2 must be a valid email address such as oncall@example.com',
    );
    expect(fieldMessage(error, 'type')).toBe(
      'Email is not configured on this server: set SMTP_URL',
    );
  });

  it('has nothing for other fields or errors without field messages', () => {
    expect(fieldMessage(error, 'name')).toBeUndefined();
    expect(fieldMessage(error, 'settings')).not.toContain('unrelated');
    expect(fieldMessage(new Error('offline'), 'name')).toBeUndefined();
  });
});

describe('newWebhookSecret', () => {
  it('is whsec_ and the bytes in base64', () => {
    expect(newWebhookSecret(new Uint8Array([0xfb, 0xff, 0x00]))).toBe('whsec_+/8A');
  });

  it('is 32 random bytes by default, different each time', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(newWebhookSecret()).not.toBe(secret);
  });
});
