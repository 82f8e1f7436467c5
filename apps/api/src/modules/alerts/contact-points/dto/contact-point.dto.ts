import { CONTACT_POINT_TYPES, type ContactPointType } from '@ledgerlens/contracts';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../../../common/http/transforms';
import type { ContactPointSettings } from '../../channels/contact-point';
import {
  MAX_EMAIL_ADDRESSES,
  MAX_SMS_NUMBERS,
  MAX_WEBHOOK_URL_LENGTH,
} from '../contact-point-input';

const MAX_NAME_LENGTH = 120;
/** `whsec_` and 64 bytes in base64 is 94 characters. */
const MAX_SECRET_LENGTH = 200;

export class EmailSettingsDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'string', format: 'email', maxLength: 254 },
    minItems: 1,
    maxItems: MAX_EMAIL_ADDRESSES,
    description: 'Who gets the email; one email to all of them',
    example: ['oncall@example.com'],
  })
  addresses: string[];
}

export class WebhookSettingsDto {
  @ApiProperty({
    format: 'uri',
    maxLength: MAX_WEBHOOK_URL_LENGTH,
    description:
      'Where alerts are POSTed (Alertmanager webhook body, signed per Standard Webhooks); ' +
      'http(s) only, no user name or password in it',
    example: 'https://example.com/hooks/alerts',
  })
  url: string;
}

export class SmsSettingsDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'string', pattern: '^\\+[1-9]\\d{6,14}$', maxLength: 16 },
    minItems: 1,
    maxItems: MAX_SMS_NUMBERS,
    description: 'E.164 numbers, one text message each',
    example: ['+4915112345678'],
  })
  numbers: string[];
}

/** The settings of each type, for the document. */
export const CONTACT_POINT_SETTINGS_MODELS = [EmailSettingsDto, WebhookSettingsDto, SmsSettingsDto];

const SETTINGS_SCHEMA = {
  oneOf: CONTACT_POINT_SETTINGS_MODELS.map((model) => ({ $ref: getSchemaPath(model) })),
  description:
    'By type: email `{ "addresses": [...] }` (1 to 20), webhook `{ "url": "https://..." }`, ' +
    'sms `{ "numbers": [...] }` (1 to 10, E.164). Settings of another type are refused.',
};

const SECRET_DESCRIPTION =
  'Webhooks only: the Standard Webhooks signing secret, `whsec_` followed by 24 to 64 random ' +
  'bytes in base64. Write-only: never returned (see `hasSecret`). Left out when creating a ' +
  'webhook, one is generated and returned once in the answer; left out when updating, the ' +
  'stored one is kept.';

/** The body of `POST` and `PUT`: the whole contact point. */
export class ContactPointBodyDto {
  @ApiProperty({
    maxLength: MAX_NAME_LENGTH,
    example: 'On-call team',
    description: 'Unique, case-insensitively',
  })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name is required' })
  @MaxLength(MAX_NAME_LENGTH)
  name: string;

  @ApiProperty({ enum: CONTACT_POINT_TYPES, description: 'How notifications are sent' })
  @IsIn(CONTACT_POINT_TYPES, { message: 'type must be email, webhook or sms' })
  type: ContactPointType;

  @ApiProperty(SETTINGS_SCHEMA)
  @IsObject({ message: 'settings must be an object, e.g. { "url": "https://example.com/hook" }' })
  settings: Record<string, unknown>;

  @ApiPropertyOptional({
    maxLength: MAX_SECRET_LENGTH,
    writeOnly: true,
    description: SECRET_DESCRIPTION,
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SECRET_LENGTH)
  secret?: string;
}

/** A contact point as the API shows it: never its secret. */
export class ContactPointDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'On-call team' })
  name: string;

  @ApiProperty({ enum: CONTACT_POINT_TYPES })
  type: ContactPointType;

  @ApiProperty(SETTINGS_SCHEMA)
  settings: ContactPointSettings[ContactPointType];

  @ApiProperty({
    description:
      'Whether a signing secret is stored (webhooks); the secret itself is never returned',
  })
  hasSecret: boolean;

  @ApiProperty({
    description:
      'true when deliveries stopped for good (a webhook answered 410 Gone): it is skipped ' +
      'until it is saved again',
  })
  disabled: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why it was disabled; null when it is not',
  })
  disabledReason: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time' })
  updatedAt: Date;
}

/** The answer to `POST` and `PUT`: once, and only there, a generated signing secret. */
export class SavedContactPointDto extends ContactPointDto {
  @ApiPropertyOptional({
    description:
      'Only in the answer that created a webhook without a secret of its own (and in the answer ' +
      'to an update that turned a contact point into such a webhook): the generated signing ' +
      'secret. Never returned again; store it with the receiver now.',
    example: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD',
  })
  secret?: string;
}

export class ContactPointListDto {
  @ApiProperty({ type: [ContactPointDto], description: 'By name, at most 500' })
  items: ContactPointDto[];
}
