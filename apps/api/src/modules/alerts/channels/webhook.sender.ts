import { Injectable } from '@nestjs/common';
import { OutgoingHttpClient } from '../../../common/http-client/outgoing-http-client';
import { AppConfig } from '../../../config/app-config';
import { alertmanagerPayload } from './alertmanager-payload';
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
import { isWebhookSecret, standardWebhookHeaders } from './standard-webhooks';

type WebhookPoint = Extract<ContactPoint, { type: 'webhook' }>;

/**
 * Posts the Alertmanager webhook body (version 4) to a contact point's URL, signed per Standard
 * Webhooks. `webhook-id` is the delivery's ID, the same on every retry, so receivers can drop
 * repeats; `webhook-timestamp` is the attempt's.
 */
@Injectable()
export class WebhookSender implements ContactPointSender<'webhook'> {
  readonly type = 'webhook';
  readonly available = true;

  constructor(
    private readonly client: OutgoingHttpClient,
    private readonly config: AppConfig,
  ) {}

  recipientsOf(point: WebhookPoint): string[] {
    return [point.settings.url];
  }

  async send(
    point: WebhookPoint,
    recipient: string,
    message: AlertMessage,
    attempt: DeliveryAttempt,
  ): Promise<DeliveryOutcome> {
    if (point.secret !== null && !isWebhookSecret(point.secret)) {
      return {
        status: 'failed',
        error: 'The signing secret is not a whsec_ secret; set a new one',
        permanent: true,
      };
    }
    const sentAt = new Date();
    const body = JSON.stringify(alertmanagerPayload(point.name, message, sentAt));
    const signature =
      point.secret === null
        ? {}
        : standardWebhookHeaders(point.secret, attempt.deliveryId, body, sentAt);
    return deliverOverHttp(() =>
      this.client.request(recipient, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': ALERTING_USER_AGENT,
          'webhook-id': attempt.deliveryId,
          'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
          ...signature,
        },
        body,
        timeoutMs: DELIVERY_TIMEOUT_MS,
        destinations: alertDestinations(this.config),
      }),
    );
  }
}
