import type { ContactPoint, ContactPointType } from './api/contact-point-queries';

export const TYPE_LABELS: Record<ContactPointType, string> = {
  email: 'Email',
  webhook: 'Webhook',
  sms: 'SMS',
};

/** Where a contact point sends: its addresses, its phone numbers, or its URL. */
export function targetsOf({ settings }: Pick<ContactPoint, 'settings'>): string[] {
  if ('addresses' in settings) return settings.addresses;
  if ('numbers' in settings) return settings.numbers;
  return [settings.url];
}

/** A reply code as its protocol names it: "HTTP 200" (webhooks, Twilio), "SMTP 250" (email). */
export function replyCodeText(type: ContactPointType, code: number | null): string | null {
  if (code === null) return null;
  return `${type === 'email' ? 'SMTP' : 'HTTP'} ${code}`;
}
