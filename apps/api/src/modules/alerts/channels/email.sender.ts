import { Injectable } from '@nestjs/common';
import { Mailer, MailNotConfiguredError } from '../../../common/mail/mailer';
import { oneLine, truncate } from './alert-text';
import type {
  AlertMessage,
  ContactPoint,
  ContactPointSender,
  DeliveryAttempt,
  DeliveryOutcome,
} from './contact-point';
import { alertEmail } from './email-templates';

type EmailPoint = Extract<ContactPoint, { type: 'email' }>;

const RECIPIENT_SEPARATOR = ', ';
const MAX_ERROR = 300;

/** The SMTP reply code at the start of a server's reply, e.g. 250 in `250 2.0.0 OK`. */
export function smtpCodeOf(reply: string | undefined): number | undefined {
  const match = /^([2-5]\d\d)[\s-]/.exec(reply ?? '');
  return match ? Number(match[1]) : undefined;
}

/** Nodemailer's codes for failures without a reply from the server. */
const FAILURE_TEXT: Record<string, string> = {
  ECONNECTION: 'Could not connect to the mail server',
  ESOCKET: 'Could not connect to the mail server',
  EDNS: 'The mail server’s name did not resolve',
  ETIMEDOUT: 'The mail server did not answer in time',
  ETLS: 'The TLS connection to the mail server failed',
  EAUTH: 'The mail server refused the login',
};

/** What nodemailer attaches to a failed send. */
interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
}

/**
 * The outcome of a failed send: the server's own reply when it gave one (a 5xx will not change
 * on retrying), otherwise what went wrong on the way (connection, timeout), worth retrying.
 * Nodemailer's own messages are not shown: they may quote the connection's settings.
 */
function outcomeOfFailure(error: unknown): DeliveryOutcome {
  if (error instanceof MailNotConfiguredError) {
    return { status: 'failed', error: error.message, permanent: true };
  }
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure;
  const responseCode = failure.responseCode ?? smtpCodeOf(failure.response);
  const reply = failure.response ? truncate(oneLine(failure.response), MAX_ERROR) : undefined;
  const text = reply
    ? `The mail server answered: ${reply}`
    : (FAILURE_TEXT[failure.code ?? ''] ?? `Sending failed (${failure.code ?? 'unknown error'})`);
  return {
    status: 'failed',
    error: text,
    ...(responseCode === undefined ? {} : { responseCode }),
    ...(responseCode !== undefined && responseCode >= 500 ? { permanent: true } : {}),
  };
}

/**
 * Emails a notification to all of a contact point's addresses at once (one delivery), through
 * the Mailer (SMTP_URL, from ALERT_EMAIL_FROM).
 */
@Injectable()
export class EmailSender implements ContactPointSender<'email'> {
  readonly type = 'email';

  constructor(private readonly mailer: Mailer) {}

  get available(): boolean {
    return this.mailer.configured;
  }

  recipientsOf(point: EmailPoint): string[] {
    return [point.settings.addresses.join(RECIPIENT_SEPARATOR)];
  }

  async send(
    _point: EmailPoint,
    recipient: string,
    message: AlertMessage,
    _attempt: DeliveryAttempt,
  ): Promise<DeliveryOutcome> {
    const to = recipient
      .split(',')
      .map((address) => address.trim())
      .filter(Boolean);
    const email = alertEmail(message);
    try {
      const receipt = await this.mailer.send({ to, ...email });
      const responseCode = smtpCodeOf(receipt.response);
      return {
        status: 'sent',
        ...(responseCode === undefined ? {} : { responseCode }),
        ...(receipt.rejected.length > 0
          ? { error: `The mail server refused ${receipt.rejected.join(', ')}` }
          : {}),
      };
    } catch (error) {
      return outcomeOfFailure(error);
    }
  }
}
