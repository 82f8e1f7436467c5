import { Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface MailReceipt {
  messageId: string;
  accepted: string[];
  rejected: string[];
  /** The server's last reply, e.g. `250 2.0.0 OK queued`. */
  response: string;
}

/** No SMTP_URL is set: email cannot be sent. */
export class MailNotConfiguredError extends Error {
  constructor() {
    super('Email is not configured (set SMTP_URL)');
    this.name = 'MailNotConfiguredError';
  }
}

/**
 * Sends email through SMTP_URL, from ALERT_EMAIL_FROM, with nodemailer. One pooled transport
 * per process; closed on shutdown.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private transport?: Transporter;

  constructor(private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.SMTP_URL !== undefined;
  }

  async send(message: MailMessage): Promise<MailReceipt> {
    const info = await this.transporter().sendMail({
      from: this.config.ALERT_EMAIL_FROM,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
    const addresses = (list: unknown[] | undefined) =>
      (list ?? []).map((entry) =>
        typeof entry === 'string' ? entry : String((entry as { address?: string }).address),
      );
    return {
      messageId: info.messageId ?? '',
      accepted: addresses(info.accepted),
      rejected: addresses(info.rejected),
      response: info.response ?? '',
    };
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  private transporter(): Transporter {
    if (!this.config.SMTP_URL) throw new MailNotConfiguredError();
    this.transport ??= nodemailer.createTransport({
      url: this.config.SMTP_URL,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    return this.transport;
  }
}
