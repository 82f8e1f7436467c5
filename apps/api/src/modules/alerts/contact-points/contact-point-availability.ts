import type { ContactPointType } from '@ledgerlens/contracts';
import { AppConfig } from '../../../config/app-config';

/**
 * Why this server cannot send through contact points of `type`, in words an admin can act on,
 * or undefined when it can: email needs SMTP_URL, SMS the three Twilio settings.
 */
export function unavailableReason(type: ContactPointType, config: AppConfig): string | undefined {
  switch (type) {
    case 'email':
      return config.SMTP_URL ? undefined : 'Email is not configured on this server: set SMTP_URL';
    case 'sms':
      return config.SMS_TWILIO_ACCOUNT_SID && config.SMS_TWILIO_AUTH_TOKEN && config.SMS_TWILIO_FROM
        ? undefined
        : 'SMS is not configured on this server: set SMS_TWILIO_ACCOUNT_SID, SMS_TWILIO_AUTH_TOKEN and SMS_TWILIO_FROM';
    case 'webhook':
      return undefined;
  }
}
