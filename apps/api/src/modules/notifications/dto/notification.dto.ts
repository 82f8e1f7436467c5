import { NOTIFICATION_KINDS, NotificationKind, NotificationSnapshot } from '@ledgerlens/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageOf, PaginationQueryOf } from '../../../common/http/pagination.dto';

export class NotificationDto implements NotificationSnapshot {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationKind;

  @ApiProperty({ example: 'Groceries is at 80% of its budget' })
  title: string;

  @ApiProperty({
    example: 'You have spent €85.00 of your €100.00 budget in the period from 2026-11-01.',
  })
  body: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '/budgets',
    description: 'Where it leads in the app (a path of the SPA)',
  })
  link: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'What it is about. `budget_threshold`: `budgetId, categoryId, thresholdPercent, ' +
      'periodStart, spentCents, limitCents, currency` and the `dedupeKey` that makes it unique.',
  })
  data: Record<string, unknown>;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When you read it',
  })
  readAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class NotificationFilterDto {
  @ApiPropertyOptional({
    type: 'boolean',
    description: '`true`: unread ones only; `false`: read ones only; left out: all',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

export class NotificationListQueryDto extends PaginationQueryOf(20, 100, NotificationFilterDto) {}

export class NotificationPageDto extends PageOf(NotificationDto) {
  @ApiProperty({ type: 'integer', description: 'Your unread notifications, whatever the filter' })
  unreadCount: number;
}

export class ReadAllResultDto {
  @ApiProperty({ type: 'integer', description: 'Notifications marked read by this request' })
  updated: number;
}
