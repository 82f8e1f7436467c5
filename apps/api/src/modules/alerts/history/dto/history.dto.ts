import {
  ALERT_NOTIFICATION_KINDS,
  ALERT_STATES,
  AlertNotificationKind,
  AlertState,
  CONTACT_POINT_TYPES,
  ContactPointType,
  DELIVERY_STATUSES,
  DeliveryStatus,
} from '@ledgerlens/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { OptionalDateTime } from '../../../../common/http/optional-fields';
import { PageOf, PaginationQueryOf } from '../../../../common/http/pagination.dto';

class HistoryFiltersDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One rule' })
  @IsOptional()
  @IsUUID('all', { message: 'ruleId must be a UUID' })
  ruleId?: string;

  @ApiPropertyOptional({ enum: ALERT_STATES, description: 'Changes into this state' })
  @IsOptional()
  @IsIn(ALERT_STATES)
  state?: AlertState;

  @OptionalDateTime('Changes at or after this time')
  from?: string;

  @OptionalDateTime('Changes before this time')
  to?: string;
}

export class AlertHistoryQueryDto extends PaginationQueryOf(50, 200, HistoryFiltersDto) {}

export class AlertHistoryEntryDto {
  @ApiProperty({ description: 'A 64-bit integer as text' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  ruleId: string;

  @ApiProperty()
  ruleName: string;

  @ApiProperty({ description: "The instance's group-by value ('' without group-by)" })
  instanceKey: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  labels: Record<string, string>;

  @ApiProperty({ enum: ALERT_STATES })
  fromState: AlertState;

  @ApiProperty({ enum: ALERT_STATES })
  toState: AlertState;

  @ApiProperty({ type: Number, nullable: true })
  value: number | null;

  @ApiProperty()
  threshold: number;

  @ApiProperty({ type: String, nullable: true })
  error: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Trace of the evaluation' })
  traceId: string | null;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;
}

export class AlertHistoryPageDto extends PageOf(AlertHistoryEntryDto) {}

class DeliveryFiltersDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'ruleId must be a UUID' })
  ruleId?: string;

  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}

export class DeliveryQueryDto extends PaginationQueryOf(50, 200, DeliveryFiltersDto) {}

/** One notification to one recipient through one contact point, with its attempts. */
export class DeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'Also the `webhook-id` a webhook receiver sees' })
  id: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null for a contact point test',
  })
  ruleId: string | null;

  @ApiProperty({ format: 'uuid' })
  contactPointId: string;

  @ApiProperty({ enum: CONTACT_POINT_TYPES })
  contactPointType: ContactPointType;

  @ApiProperty({ description: 'Addresses, number or host (a webhook URL without its path)' })
  recipient: string;

  @ApiProperty({ enum: ALERT_NOTIFICATION_KINDS })
  kind: AlertNotificationKind;

  @ApiProperty({ type: [String], description: 'History entries it reports' })
  historyIds: string[];

  @ApiProperty({ type: [String], description: 'Fingerprints of the instances it names' })
  instances: string[];

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status: DeliveryStatus;

  @ApiProperty({ type: 'integer' })
  attempts: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextAttemptAt: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'HTTP status or SMTP reply code' })
  responseCode: number | null;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class DeliveryPageDto extends PageOf(DeliveryDto) {}

/** What a test notification did through one contact point and recipient. */
export class TestDeliveryResultDto {
  @ApiProperty({ format: 'uuid' })
  deliveryId: string;

  @ApiProperty({ format: 'uuid' })
  contactPointId: string;

  @ApiProperty()
  contactPointName: string;

  @ApiProperty({ enum: CONTACT_POINT_TYPES })
  contactPointType: ContactPointType;

  @ApiProperty()
  recipient: string;

  @ApiProperty({ enum: ['sent', 'failed'] })
  status: 'sent' | 'failed';

  @ApiProperty({ type: 'integer', nullable: true })
  responseCode: number | null;

  @ApiProperty({ type: String, nullable: true })
  error: string | null;
}
