import { ApiProperty } from '@nestjs/swagger';
import { OptionalInteger } from '../../../../common/http/optional-fields';

/** What a chart of rules shows unless asked otherwise: the last 6 hours in 24 points. */
export const SERIES_DEFAULTS = { hours: 6, points: 24 } as const;

export class AlertPreviewQueryDto {
  @OptionalInteger({
    min: 1,
    max: 168,
    default: SERIES_DEFAULTS.hours,
    description: 'Hours up to now the series covers',
  })
  hours: number = SERIES_DEFAULTS.hours;
}

export class AlertSeriesQueryDto extends AlertPreviewQueryDto {
  @OptionalInteger({
    min: 2,
    max: 120,
    default: SERIES_DEFAULTS.points,
    description: 'Points per rule, evenly spaced, the last at now',
  })
  points: number = SERIES_DEFAULTS.points;
}

export class AlertSeriesPointDto {
  @ApiProperty({ type: String, format: 'date-time', description: 'The instant measured' })
  at: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'The worst instance’s value over the rule’s window ending at `at` (the least for `<` and ' +
      '`<=`, else the greatest); null when no instance had data',
  })
  value: number | null;
}

export class AlertRuleSeriesDto {
  @ApiProperty({ type: String, format: 'uuid' })
  ruleId: string;

  @ApiProperty({ type: [AlertSeriesPointDto], description: 'Oldest first' })
  points: AlertSeriesPointDto[];
}

/** Every rule measured at the same instants, as evaluations then would have measured it. */
export class AlertSeriesDto {
  @ApiProperty({ type: String, format: 'date-time', description: 'Start of the range' })
  from: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'End of the range: now' })
  to: string;

  @ApiProperty({
    type: Number,
    description: 'Time between points; the first point is at `from` + one step, the last at `to`',
  })
  stepSeconds: number;

  @ApiProperty({ type: [AlertRuleSeriesDto], description: 'Every rule not deleted, by name' })
  rules: AlertRuleSeriesDto[];
}
