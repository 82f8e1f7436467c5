import type { ContactPointType } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import type {
  AlertMessage,
  ContactPoint,
  ContactPointSender,
  DeliveryAttempt,
  DeliveryOutcome,
} from './contact-point';
import { EmailSender } from './email.sender';
import { TwilioSmsSender } from './twilio-sms.sender';
import { WebhookSender } from './webhook.sender';

type Senders = { [T in ContactPointType]: ContactPointSender<T> };

/** The sender of each kind of contact point, chosen by the point's type. */
@Injectable()
export class ContactPointSenders {
  private readonly senders: Senders;

  constructor(email: EmailSender, webhook: WebhookSender, sms: TwilioSmsSender) {
    this.senders = { email, webhook, sms };
  }

  of<T extends ContactPointType>(type: T): ContactPointSender<T> {
    return this.senders[type];
  }

  /** Whether the API is configured to send through this kind (SMTP_URL, the SMS settings). */
  available(type: ContactPointType): boolean {
    return this.senders[type].available;
  }

  /** The deliveries a notification to `point` makes, one per recipient. */
  recipientsOf(point: ContactPoint): string[] {
    switch (point.type) {
      case 'email':
        return this.senders.email.recipientsOf(point);
      case 'webhook':
        return this.senders.webhook.recipientsOf(point);
      case 'sms':
        return this.senders.sms.recipientsOf(point);
    }
  }

  /** One attempt at one delivery, through the sender of the point's type. */
  send(
    point: ContactPoint,
    recipient: string,
    message: AlertMessage,
    attempt: DeliveryAttempt,
  ): Promise<DeliveryOutcome> {
    switch (point.type) {
      case 'email':
        return this.senders.email.send(point, recipient, message, attempt);
      case 'webhook':
        return this.senders.webhook.send(point, recipient, message, attempt);
      case 'sms':
        return this.senders.sms.send(point, recipient, message, attempt);
    }
  }
}
