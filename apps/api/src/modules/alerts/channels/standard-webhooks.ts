import { createHmac, randomBytes } from 'node:crypto';

/**
 * Signing of outgoing webhooks per the Standard Webhooks specification (symmetric scheme):
 * HMAC-SHA256 over `{id}.{timestamp}.{body}` with a `whsec_<base64>` secret, sent as
 * `webhook-signature: v1,<base64>` beside `webhook-id` and `webhook-timestamp`. Receivers can
 * verify with any Standard Webhooks library.
 */

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
/** The specification asks for 24 to 64 random bytes. */
export const WEBHOOK_SECRET_MIN_BYTES = 24;
export const WEBHOOK_SECRET_MAX_BYTES = 64;
const NEW_SECRET_BYTES = 32;

export interface StandardWebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The key bytes of a `whsec_` secret, or undefined when it is not one. */
function keyOf(secret: string): Buffer | undefined {
  if (!secret.startsWith(WEBHOOK_SECRET_PREFIX)) return undefined;
  const encoded = secret.slice(WEBHOOK_SECRET_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return undefined;
  const key = Buffer.from(encoded, 'base64');
  return key.length > 0 ? key : undefined;
}

/** A new random signing secret, `whsec_` and 32 bytes in base64. */
export function newWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(NEW_SECRET_BYTES).toString('base64');
}

/** Whether a secret someone entered is a `whsec_` secret of 24 to 64 bytes. */
export function isWebhookSecret(secret: string): boolean {
  const key = keyOf(secret);
  return (
    key !== undefined &&
    key.length >= WEBHOOK_SECRET_MIN_BYTES &&
    key.length <= WEBHOOK_SECRET_MAX_BYTES
  );
}

/** `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`. */
export function signWebhook(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): string {
  const key = keyOf(secret);
  if (!key) throw new Error('A webhook signing secret must be whsec_ followed by base64');
  // A dot in the ID would let one signed content pass for another.
  if (id.includes('.')) throw new Error('A webhook ID must not contain "."');
  if (!Number.isSafeInteger(timestampSeconds)) {
    throw new Error('A webhook timestamp must be whole seconds');
  }
  const signature = createHmac('sha256', key)
    .update(`${id}.${timestampSeconds}.${body}`, 'utf8')
    .digest('base64');
  return `v1,${signature}`;
}

/** The three headers of a signed webhook sent at `sentAt`. */
export function standardWebhookHeaders(
  secret: string,
  id: string,
  body: string,
  sentAt: Date = new Date(),
): StandardWebhookHeaders {
  const timestamp = Math.floor(sentAt.getTime() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(secret, id, timestamp, body),
  };
}
