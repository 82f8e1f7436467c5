import { Module } from '@nestjs/common';
import { Mailer } from './mailer';

/** Email through SMTP_URL, for modules that notify people. */
@Module({ providers: [Mailer], exports: [Mailer] })
export class MailModule {}
