import {
  ALERT_GROUP_BY,
  ALERT_METRICS,
  ALERT_SEVERITIES,
  ALERT_STATES,
  AlertGroupBy,
  AlertMetric,
  AlertSeverity,
  AlertState,
  CONDITION_OPERATORS,
  ConditionOperator,
  NO_DATA_STATES,
  NoDataState,
} from '@ledgerlens/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { AlertRuleFiltersDto, NotificationPolicyDto } from './alert-rule-input.dto';
import { AlertSeriesPointDto } from './alert-series.dto';

const stringMap = (description: string) =>
  ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description });

/** One alert instance: the rule's only one, or one per group-by value. */
export class AlertInstanceDto {
  @ApiProperty({ description: "The group-by value ('' without group-by)" })
  key: string;

  @ApiProperty({ description: '16 hex digits, as in webhook bodies' })
  fingerprint: string;

  @stringMap('The group-by label, e.g. `{ "route": "/api/v1/transactions" }`')
  labels: Record<string, string>;

  @ApiProperty({ enum: ALERT_STATES })
  state: AlertState;

  @ApiProperty({ type: Number, nullable: true, description: 'Last value; null without data' })
  value: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  activeSince: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firingSince: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the last query failed' })
  error: string | null;
}

export class AlertRuleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ enum: ALERT_SEVERITIES })
  severity: AlertSeverity;

  @stringMap('Labels of every alert of the rule')
  labels: Record<string, string>;

  @stringMap('`summary`, `runbook_url` and other text for people')
  annotations: Record<string, string>;

  @ApiProperty()
  enabled: boolean;

  @ApiProperty({ enum: ALERT_METRICS })
  metricType: AlertMetric;

  @ApiProperty({ type: AlertRuleFiltersDto })
  filters: AlertRuleFiltersDto;

  @ApiProperty({ enum: ALERT_GROUP_BY, nullable: true })
  groupBy: AlertGroupBy | null;

  @ApiProperty({ enum: CONDITION_OPERATORS })
  operator: ConditionOperator;

  @ApiProperty()
  threshold: number;

  @ApiProperty({ type: 'integer' })
  windowSeconds: number;

  @ApiProperty({ type: 'integer' })
  intervalSeconds: number;

  @ApiProperty({ type: 'integer' })
  pendingSeconds: number;

  @ApiProperty({ type: 'integer' })
  keepFiringSeconds: number;

  @ApiProperty({ enum: NO_DATA_STATES })
  noDataState: NoDataState;

  @ApiProperty({ type: NotificationPolicyDto })
  notification: NotificationPolicyDto;

  @ApiProperty({ enum: ALERT_STATES, description: 'The worst state of its instances' })
  state: AlertState;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'The worst instance’s value at the last evaluation (the least for `<` and `<=`, else the ' +
      'greatest); null when never evaluated (since its last change) or no instance had data',
  })
  value: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastEvaluatedAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the last evaluation failed' })
  lastError: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class AlertRuleDetailDto extends AlertRuleDto {
  @ApiProperty({ type: [AlertInstanceDto] })
  instances: AlertInstanceDto[];
}

/** What a rule would show if evaluated now; nothing is stored or sent. */
export class AlertPreviewDto {
  @ApiProperty({ enum: ALERT_STATES, description: 'The worst state of the instances' })
  state: AlertState;

  @ApiProperty({ type: [AlertInstanceDto] })
  instances: AlertInstanceDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Why the query failed' })
  error: string | null;

  @ApiProperty({ format: 'date-time' })
  evaluatedAt: string;

  @ApiProperty({
    type: [AlertSeriesPointDto],
    description:
      'The rule measured at 24 points up to now (`hours`, 6 by default), oldest first; every ' +
      'value null when the query failed',
  })
  series: AlertSeriesPointDto[];
}
