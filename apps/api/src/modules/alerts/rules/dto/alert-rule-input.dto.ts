import {
  ALERT_GROUP_BY,
  ALERT_METRICS,
  ALERT_SEVERITIES,
  AlertGroupBy,
  AlertMetric,
  AlertSeverity,
  CONDITION_OPERATORS,
  ConditionOperator,
  HTTP_METHODS_FOR_ALERTS,
  LOG_LEVELS,
  LOG_SOURCES,
  LogLevel,
  LogSource,
  NO_DATA_STATES,
  NoDataState,
} from '@ledgerlens/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { trim, trimUpper } from '../../../../common/http/transforms';
import { OptionalStringMap } from './string-map.decorator';

const DAY = 86_400;

export class AlertRuleFiltersDto {
  @ApiPropertyOptional({
    example: '/api/v1/transactions',
    maxLength: 512,
    description:
      'A route template as the API declares it (request metrics, slow requests and slow queries)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(/^\//, { message: 'route must be a route template starting with /' })
  @MaxLength(512)
  route?: string;

  @ApiPropertyOptional({ enum: HTTP_METHODS_FOR_ALERTS, description: 'With request metrics' })
  @IsOptional()
  @Transform(trimUpper)
  @IsIn(HTTP_METHODS_FOR_ALERTS)
  method?: string;

  @ApiPropertyOptional({ maxLength: 128, example: 'TransactionsService', description: 'log_count' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  module?: string;

  @ApiPropertyOptional({ enum: LOG_SOURCES, description: 'log_count and exception metrics' })
  @IsOptional()
  @IsIn(LOG_SOURCES)
  source?: LogSource;

  @ApiPropertyOptional({
    enum: LOG_LEVELS,
    description: 'The lowest level counted (log_count; error or fatal for exception_count)',
  })
  @IsOptional()
  @IsIn(LOG_LEVELS)
  level?: LogLevel;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'timeout',
    description: 'Text the log message contains, ignoring case (log_count)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  text?: string;
}

export class NotificationPolicyDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 20,
    default: [],
    description: 'Contact points notified (none: state changes are only recorded)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each contact point must be a UUID' })
  contactPointIds: string[] = [];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 3600,
    default: 30,
    description: 'Seconds to wait before the first notification, so more instances join it',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3600)
  groupWaitSeconds = 30;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 10,
    maximum: DAY,
    default: 300,
    description: 'Seconds at least between notifications about changes (new or resolved instances)',
  })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(DAY)
  groupIntervalSeconds = 300;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 60,
    maximum: 7 * DAY,
    default: 14_400,
    description: 'Seconds after which an unchanged firing alert is notified again',
  })
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(7 * DAY)
  repeatIntervalSeconds = 14_400;

  @ApiPropertyOptional({
    type: Boolean,
    default: true,
    description: 'Notify once when everything resolved',
  })
  @IsOptional()
  @IsBoolean()
  sendResolved = true;
}

/** A rule as an admin writes it: `POST` creates one, `PUT` replaces one, `preview` tries one. */
export class AlertRuleInputDto {
  @ApiProperty({ maxLength: 120, example: 'Slow transaction list' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  name: string;

  @ApiPropertyOptional({ type: String, maxLength: 2000, default: '' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  description = '';

  @ApiProperty({ enum: ALERT_SEVERITIES })
  @IsIn(ALERT_SEVERITIES)
  severity: AlertSeverity;

  @OptionalStringMap({
    description: 'Labels added to every alert of the rule (routing, grouping in other tools)',
    example: { team: 'payments' },
    maxEntries: 20,
    maxValueLength: 200,
  })
  labels: Record<string, string> = {};

  @OptionalStringMap({
    description: 'Text for people: `summary`, `runbook_url`, anything else',
    example: { summary: 'Listing transactions is slow', runbook_url: 'https://wiki/runbooks/slow' },
    maxEntries: 20,
    maxValueLength: 2000,
  })
  annotations: Record<string, string> = {};

  @ApiPropertyOptional({ type: Boolean, default: true })
  @IsOptional()
  @IsBoolean()
  enabled = true;

  @ApiProperty({ enum: ALERT_METRICS, description: 'What is measured over the window' })
  @IsIn(ALERT_METRICS)
  metricType: AlertMetric;

  @ApiPropertyOptional({ type: AlertRuleFiltersDto, default: {} })
  @IsOptional()
  @ValidateNested()
  @Type(() => AlertRuleFiltersDto)
  filters: AlertRuleFiltersDto = new AlertRuleFiltersDto();

  @ApiPropertyOptional({
    enum: ALERT_GROUP_BY,
    nullable: true,
    description:
      'One alert instance per value of this dimension (e.g. per endpoint); null or absent: one for the whole rule',
  })
  @IsOptional()
  @IsIn(ALERT_GROUP_BY)
  groupBy: AlertGroupBy | null = null;

  @ApiProperty({ enum: CONDITION_OPERATORS })
  @IsIn(CONDITION_OPERATORS)
  operator: ConditionOperator;

  @ApiProperty({
    example: 200,
    description: 'In the metric’s unit (ms, a 0–1 share, per second, a count)',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'threshold must be a number' })
  threshold: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 10,
    maximum: DAY,
    default: 300,
    description: 'Seconds measured',
  })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(DAY)
  windowSeconds = 300;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 10,
    maximum: 3600,
    default: 60,
    description: 'Seconds between evaluations',
  })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(3600)
  intervalSeconds = 60;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: DAY,
    default: 0,
    description: 'Seconds the condition must hold before firing (`for`)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(DAY)
  pendingSeconds = 0;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: DAY,
    default: 0,
    description: 'Seconds a firing alert keeps firing after the condition stops holding',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(DAY)
  keepFiringSeconds = 0;

  @ApiPropertyOptional({
    enum: NO_DATA_STATES,
    default: 'normal',
    description: 'What no data means',
  })
  @IsOptional()
  @IsIn(NO_DATA_STATES)
  noDataState: NoDataState = 'normal';

  @ApiPropertyOptional({ type: NotificationPolicyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => NotificationPolicyDto)
  notification: NotificationPolicyDto = new NotificationPolicyDto();
}
