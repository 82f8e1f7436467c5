import { ApiError } from '../../lib/api-error';
import type { ContactPoint, ContactPointBody, ContactPointType } from './api/contact-point-queries';

/** The form's fields as typed: lists are text (one entry a line) until submitted. */
export interface ContactPointFormValues {
  name: string;
  type: ContactPointType;
  addresses: string;
  numbers: string;
  url: string;
  /** A new webhook signing secret; empty keeps the stored one (or has one generated). */
  secret: string;
}

/** The one key of `settings` each type takes, which is also its field in the API's messages. */
export const SETTING_OF = {
  email: 'addresses',
  webhook: 'url',
  sms: 'numbers',
} as const satisfies Record<ContactPointType, keyof ContactPointFormValues>;

export const NEW_CONTACT_POINT: ContactPointFormValues = {
  name: '',
  type: 'email',
  addresses: '',
  numbers: '',
  url: '',
  secret: '',
};

export function contactPointValues(contactPoint: ContactPoint): ContactPointFormValues {
  const { settings } = contactPoint;
  return {
    ...NEW_CONTACT_POINT,
    name: contactPoint.name,
    type: contactPoint.type,
    addresses: 'addresses' in settings ? settings.addresses.join('\n') : '',
    numbers: 'numbers' in settings ? settings.numbers.join('\n') : '',
    url: 'url' in settings ? settings.url : '',
  };
}

/**
 * Entries typed one a line, or separated by commas or semicolons. Repeats are kept: the API
 * numbers its messages by position ("address 2 must be…"), which must match what was typed.
 */
export function listOf(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** The body of `POST`/`PUT`: only the chosen type's setting, and a secret only when typed. */
export function contactPointBody(values: ContactPointFormValues): ContactPointBody {
  const settings =
    values.type === 'webhook'
      ? { url: values.url.trim() }
      : { [SETTING_OF[values.type]]: listOf(values[SETTING_OF[values.type]]) };
  const secret = values.type === 'webhook' ? values.secret.trim() : '';
  return {
    name: values.name.trim(),
    type: values.type,
    settings: settings as ContactPointBody['settings'],
    ...(secret ? { secret } : {}),
  };
}

/**
 * The API's messages for one field and the fields inside it (`settings.addresses` gathers
 * `settings.addresses.1` too), together for the control that edits them.
 */
export function fieldMessage(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const messages = Object.entries(error.details)
    .filter(([key]) => key === field || key.startsWith(`${field}.`))
    .flatMap(([, list]) => list);
  return messages.length > 0 ? messages.join('; ') : undefined;
}

/** Random bytes as `whsec_` and base64, the Standard Webhooks secret format the API checks. */
export function newWebhookSecret(bytes: Uint8Array = crypto.getRandomValues(new Uint8Array(32))) {
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}
