import type { ContactPointType } from '@ledgerlens/contracts';
import { isEmail } from 'class-validator';
import { FieldErrors, InvalidRequestError } from '../../../common/errors/domain-errors';
import type { ContactPointSettings } from '../channels/contact-point';
import { isWebhookSecret } from '../channels/standard-webhooks';

export const MAX_EMAIL_ADDRESSES = 20;
export const MAX_SMS_NUMBERS = 10;
export const MAX_WEBHOOK_URL_LENGTH = 2048;
const MAX_EMAIL_LENGTH = 254;
/** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{6,14}$/;

/** The one settings key of each type. */
const SETTING_OF: Record<ContactPointType, string> = {
  email: 'addresses',
  webhook: 'url',
  sms: 'numbers',
};
const TYPE_NAME: Record<ContactPointType, string> = {
  email: 'email',
  webhook: 'webhook',
  sms: 'SMS',
};

const EMPTY_SETTINGS: ContactPointSettings = {
  email: { addresses: [] },
  webhook: { url: '' },
  sms: { numbers: [] },
};

/** A contact point as entered: `settings` still unchecked. */
export interface ContactPointInput {
  type: ContactPointType;
  settings: Record<string, unknown>;
  secret?: string;
}

/** A checked contact point: settings of its type, trimmed and without repeats. */
export interface ValidContactPoint {
  type: ContactPointType;
  settings: ContactPointSettings[ContactPointType];
  secret?: string;
}

class Problems {
  readonly errors: FieldErrors = {};

  add(field: string, message: string): void {
    (this.errors[field] ??= []).push(message);
  }

  get any(): boolean {
    return Object.keys(this.errors).length > 0;
  }
}

/** Trimmed strings without repeats (case-insensitively), each checked by `problemOf`. */
function listOf(
  problems: Problems,
  field: string,
  value: unknown,
  { noun, nouns, min, max }: { noun: string; nouns: string; min: number; max: number },
  problemOf: (item: string) => string | undefined,
): string[] {
  if (!Array.isArray(value)) {
    problems.add(field, `${field.split('.').pop()} must be a list of ${nouns}`);
    return [];
  }
  const items: string[] = [];
  const seen = new Set<string>();
  value.forEach((item: unknown, index) => {
    const text = typeof item === 'string' ? item.trim() : undefined;
    const problem = text === undefined ? `must be a text` : problemOf(text);
    if (problem || text === undefined) {
      problems.add(`${field}.${index}`, `${noun} ${index + 1} ${problem}`);
      return;
    }
    if (seen.has(text.toLowerCase())) return;
    seen.add(text.toLowerCase());
    items.push(text);
  });
  const name = field.split('.').pop();
  if (value.length < min) problems.add(field, `${name} must contain at least ${min} ${noun}`);
  if (items.length > max) problems.add(field, `${name} must contain at most ${max} ${nouns}`);
  return items;
}

function emailProblem(address: string): string | undefined {
  if (address.length > MAX_EMAIL_LENGTH || !isEmail(address)) {
    return 'must be a valid email address such as oncall@example.com';
  }
  return undefined;
}

function smsNumberProblem(number: string): string | undefined {
  return E164.test(number)
    ? undefined
    : 'must be an E.164 number: a plus, the country code and the number, without spaces (e.g. +4915112345678)';
}

/** The URL as stored (normalised by the URL parser), or the problem with it. */
function webhookUrl(problems: Problems, value: unknown): string {
  const field = 'settings.url';
  if (typeof value !== 'string' || value.trim() === '') {
    problems.add(field, 'url must be a URL such as https://example.com/hooks/alerts');
    return '';
  }
  const text = value.trim();
  if (text.length > MAX_WEBHOOK_URL_LENGTH) {
    problems.add(field, `url must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`);
    return '';
  }
  // The URL parser drops tabs and line breaks silently: refuse them instead.
  if (/[\s\p{Cc}]/u.test(text)) {
    problems.add(field, 'url must not contain spaces or control characters');
    return '';
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    problems.add(field, 'url must be a URL such as https://example.com/hooks/alerts');
    return '';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.add(field, 'url must start with http:// or https://');
    return '';
  }
  if (url.username !== '' || url.password !== '') {
    problems.add(
      field,
      'url must not contain a user name or password: receivers check the signature made with the secret instead',
    );
    return '';
  }
  const href = url.href;
  if (href.length > MAX_WEBHOOK_URL_LENGTH) {
    problems.add(field, `url must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`);
    return '';
  }
  return href;
}

function settingsOf(
  problems: Problems,
  type: ContactPointType,
  settings: Record<string, unknown>,
): ContactPointSettings[ContactPointType] {
  const expected = SETTING_OF[type];
  for (const key of Object.keys(settings)) {
    if (key === expected) continue;
    const owner = (Object.keys(SETTING_OF) as ContactPointType[]).find(
      (other) => SETTING_OF[other] === key,
    );
    problems.add(
      `settings.${key}`,
      owner
        ? `${key} is a setting of ${TYPE_NAME[owner]} contact points; ${TYPE_NAME[type]} contact points take ${expected}`
        : `property ${key} should not exist`,
    );
  }
  if (!Object.prototype.hasOwnProperty.call(settings, expected)) {
    problems.add(
      `settings.${expected}`,
      `${expected} is required for ${TYPE_NAME[type]} contact points`,
    );
    return EMPTY_SETTINGS[type];
  }
  const value = settings[expected];
  switch (type) {
    case 'email':
      return {
        addresses: listOf(
          problems,
          'settings.addresses',
          value,
          { noun: 'address', nouns: 'addresses', min: 1, max: MAX_EMAIL_ADDRESSES },
          emailProblem,
        ),
      };
    case 'sms':
      return {
        numbers: listOf(
          problems,
          'settings.numbers',
          value,
          { noun: 'number', nouns: 'numbers', min: 1, max: MAX_SMS_NUMBERS },
          smsNumberProblem,
        ),
      };
    case 'webhook':
      return { url: webhookUrl(problems, value) };
  }
}

/**
 * Checks a contact point's type, settings and secret together, and answers its settings as
 * stored; a 400 with every field's problem otherwise. `unavailable` says why this server cannot
 * send through the type (no SMTP or SMS settings), if it cannot.
 */
export function validContactPoint(
  input: ContactPointInput,
  unavailable: string | undefined,
): ValidContactPoint {
  const problems = new Problems();
  if (unavailable) problems.add('type', unavailable);
  const settings = settingsOf(problems, input.type, input.settings);
  if (input.secret !== undefined) {
    if (input.type !== 'webhook') {
      problems.add(
        'secret',
        `secret is only for webhook contact points (it signs their requests); leave it out for ${TYPE_NAME[input.type]}`,
      );
    } else if (!isWebhookSecret(input.secret)) {
      problems.add(
        'secret',
        'secret must be whsec_ followed by 24 to 64 random bytes in base64; leave it out to have one generated',
      );
    }
  }
  if (problems.any) throw new InvalidRequestError('Validation failed', problems.errors);
  return {
    type: input.type,
    settings,
    ...(input.secret === undefined ? {} : { secret: input.secret }),
  };
}
