import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const COMPONENT_STATES = ['up', 'down'] as const;
export type ComponentState = (typeof COMPONENT_STATES)[number];

export const READINESS_STATES = ['ok', 'error'] as const;
export type ReadinessState = (typeof READINESS_STATES)[number];

export class LivenessDto {
  @ApiProperty({ enum: ['ok'], example: 'ok' })
  status!: 'ok';

  @ApiProperty({ description: 'Seconds since the process started', example: 3600 })
  uptimeSeconds!: number;
}

/** One dependency or state readiness looks at. */
export class ComponentStatusDto {
  @ApiProperty({ enum: COMPONENT_STATES })
  status!: ComponentState;

  @ApiPropertyOptional({ description: 'How long the check took, in ms', example: 2 })
  responseTimeMs?: number;

  @ApiPropertyOptional({ description: 'Why the component is down', example: 'shutting down' })
  message?: string;
}

/** An in-memory write queue: down when it is full (new items are being dropped). */
export class QueueStatusDto extends ComponentStatusDto {
  @ApiProperty({ description: 'Items waiting to be written' })
  queued!: number;

  @ApiProperty({ description: 'Items the queue holds at most' })
  capacity!: number;

  @ApiProperty({ description: 'Items dropped so far because the queue was full' })
  dropped!: number;
}

export class ReadinessComponentsDto {
  @ApiProperty({ type: ComponentStatusDto, description: 'PostgreSQL answers `SELECT 1`' })
  database!: ComponentStatusDto;

  @ApiPropertyOptional({
    type: ComponentStatusDto,
    description: 'Redis answers `PING`; only when REDIS_URL is set',
  })
  redis?: ComponentStatusDto;

  @ApiProperty({
    type: ComponentStatusDto,
    description: 'Down from the moment shutdown begins (SIGTERM): the instance takes no new work',
  })
  lifecycle!: ComponentStatusDto;

  @ApiProperty({ type: QueueStatusDto, description: 'The action-log (audit) write queue' })
  auditQueue!: QueueStatusDto;

  @ApiProperty({ type: QueueStatusDto, description: 'The stored-logs write queue' })
  logQueue!: QueueStatusDto;

  @ApiProperty({ type: QueueStatusDto, description: 'The exception-capture write queue' })
  exceptionQueue!: QueueStatusDto;
}

export class ReadinessDto {
  @ApiProperty({
    enum: READINESS_STATES,
    description: '`ok` (200) when every component is up, else `error` (503)',
  })
  status!: ReadinessState;

  @ApiProperty({ type: ReadinessComponentsDto })
  components!: ReadinessComponentsDto;
}
