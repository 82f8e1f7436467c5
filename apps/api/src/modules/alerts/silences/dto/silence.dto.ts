import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OptionalDateTime } from '../../../../common/http/optional-fields';
import { trim } from '../../../../common/http/transforms';
import {
  SILENCE_MATCH_OPERATORS,
  SILENCE_STATES,
  type SilenceMatchOperator,
  type SilenceState,
} from '../silence-matcher';

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const MAX_LABEL_LENGTH = 100;
const MAX_VALUE_LENGTH = 1000;
const MAX_MATCHERS = 20;
const MAX_COMMENT_LENGTH = 1000;
const MAX_DATE_TIME_LENGTH = 40;

export class SilenceMatcherDto {
  @ApiProperty({
    pattern: LABEL_NAME.source,
    maxLength: MAX_LABEL_LENGTH,
    example: 'severity',
    description: 'A label of the alert instances, e.g. `severity`, `route`, `module`, `alertname`',
  })
  @IsString()
  @MaxLength(MAX_LABEL_LENGTH)
  @Matches(LABEL_NAME, {
    message: 'label must be a label name: letters, digits and _, not starting with a digit',
  })
  label: string;

  @ApiProperty({
    enum: SILENCE_MATCH_OPERATORS,
    description:
      '`=` equal, `!=` not equal, `=~` matches the regular expression, `!~` does not match it. ' +
      'A missing label counts as the empty string.',
  })
  @IsIn(SILENCE_MATCH_OPERATORS, { message: 'operator must be one of =, !=, =~ or !~' })
  operator: SilenceMatchOperator;

  @ApiProperty({
    maxLength: MAX_VALUE_LENGTH,
    example: 'warning',
    description:
      'The value, or for `=~`/`!~` a regular expression (at most 200 characters) that must ' +
      'match the whole label value, as in Alertmanager',
  })
  @IsString()
  @MaxLength(MAX_VALUE_LENGTH)
  value: string;
}

export class CreateSilenceDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Silence this alert rule only; give it, matchers, or both',
  })
  @IsOptional()
  @IsUUID('all', { message: 'ruleId must be a UUID' })
  ruleId?: string;

  @ApiPropertyOptional({
    type: [SilenceMatcherDto],
    maxItems: MAX_MATCHERS,
    description: 'All must match an instance’s labels for it to be silenced',
  })
  @IsOptional()
  @IsArray({ message: 'matchers must be a list' })
  @ArrayMaxSize(MAX_MATCHERS)
  @ValidateNested({ each: true })
  @Type(() => SilenceMatcherDto)
  matchers?: SilenceMatcherDto[];

  @OptionalDateTime('When it starts; now by default (a time in the past means now)')
  startsAt?: string;

  @ApiProperty({ format: 'date-time', description: 'When it ends: in the future, after startsAt' })
  @MaxLength(MAX_DATE_TIME_LENGTH)
  @IsISO8601({ strict: true }, { message: 'endsAt must be an ISO 8601 date-time' })
  endsAt: string;

  @ApiProperty({ maxLength: MAX_COMMENT_LENGTH, example: 'Database maintenance until 14:00' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'comment is required: say why alerts are silenced' })
  @MaxLength(MAX_COMMENT_LENGTH)
  comment: string;
}

export class SilenceListQueryDto {
  @ApiPropertyOptional({
    enum: SILENCE_STATES,
    description: 'Only silences in this state; all by default',
  })
  @IsOptional()
  @IsIn(SILENCE_STATES, { message: 'state must be active, pending or expired' })
  state?: SilenceState;
}

export class SilenceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The alert rule it silences; null: any rule whose instances match',
  })
  ruleId: string | null;

  @ApiProperty({ type: [SilenceMatcherDto] })
  matchers: SilenceMatcherDto[];

  @ApiProperty({ format: 'date-time' })
  startsAt: Date;

  @ApiProperty({ format: 'date-time' })
  endsAt: Date;

  @ApiProperty()
  comment: string;

  @ApiProperty({ description: 'Email of the admin who created it' })
  author: string;

  @ApiProperty({
    enum: SILENCE_STATES,
    description: 'Now: `pending` before startsAt, `active` until endsAt, then `expired`',
  })
  state: SilenceState;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;
}

export class SilenceListDto {
  @ApiProperty({ type: [SilenceDto], description: 'Newest first, at most 500' })
  items: SilenceDto[];
}
