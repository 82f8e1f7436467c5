import { Injectable } from '@nestjs/common';
import {
  OutgoingHttpClient,
  OutgoingResponse,
} from '../../../common/http-client/outgoing-http-client';
import { AppConfig } from '../../../config/app-config';
import { oneLine, truncate } from './alert-text';
import type {
  AlertMessage,
  ContactPoint,
  ContactPointSender,
  DeliveryAttempt,
  DeliveryOutcome,
} from './contact-point';
import {
  ALERTING_USER_AGENT,
  alertDestinations,
  DELIVERY_TIMEOUT_MS,
  deliverOverHttp,
} from './http-delivery';
import { smsText } from './sms-text';

type SmsPoint = Extract<ContactPoint, { type: 'sms' }>;

const MAX_DETAIL = 200;

/**
 * The reason in a Twilio error body (`{"code": 21211, "message": "…"}`), on one line, without
 * the auth token should a gateway ever echo it.
 */
function twilioDetail(response: OutgoingResponse, token: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { message, code } = parsed as { message?: unknown; code?: unknown };
  if (typeof message !== 'string' || message === '') return undefined;
  const text = typeof code === 'number' ? `${message} (Twilio error ${code})` : message;
  return truncate(oneLine(text.split(token).join('[redacted]')), MAX_DETAIL);
}

/**
 * Texts a notification to each number of a contact point through Twilio's Messages API (or a
 * gateway speaking it, at SMS_TWILIO_BASE_URL), one delivery per number.
 */
@Injectable()
export class TwilioSmsSender implements ContactPointSender<'sms'> {
  readonly type = 'sms';

  constructor(
    private readonly client: OutgoingHttpClient,
    private readonly config: AppConfig,
  ) {}

  get available(): boolean {
    const { SMS_TWILIO_ACCOUNT_SID, SMS_TWILIO_AUTH_TOKEN, SMS_TWILIO_FROM } = this.config;
    return Boolean(SMS_TWILIO_ACCOUNT_SID && SMS_TWILIO_AUTH_TOKEN && SMS_TWILIO_FROM);
  }

  recipientsOf(point: SmsPoint): string[] {
    return [...point.settings.numbers];
  }

  async send(
    _point: SmsPoint,
    recipient: string,
    message: AlertMessage,
    _attempt: DeliveryAttempt,
  ): Promise<DeliveryOutcome> {
    const { SMS_TWILIO_ACCOUNT_SID: sid, SMS_TWILIO_AUTH_TOKEN: token } = this.config;
    const from = this.config.SMS_TWILIO_FROM;
    if (!sid || !token || !from) {
      return {
        status: 'failed',
        error:
          'SMS is not configured (set SMS_TWILIO_ACCOUNT_SID, SMS_TWILIO_AUTH_TOKEN and SMS_TWILIO_FROM)',
        permanent: true,
      };
    }
    const url = `${this.config.SMS_TWILIO_BASE_URL}/2010-04-01/Accounts/${encodeURIComponent(sid)}/Messages.json`;
    const body = new URLSearchParams({ To: recipient, From: from, Body: smsText(message) });
    return deliverOverHttp(
      () =>
        this.client.request(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
            authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}`,
            'user-agent': ALERTING_USER_AGENT,
          },
          body: body.toString(),
          timeoutMs: DELIVERY_TIMEOUT_MS,
          destinations: alertDestinations(this.config),
        }),
      (response) => twilioDetail(response, token),
    );
  }
}
