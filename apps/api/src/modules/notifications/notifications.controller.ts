import { Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { IdParam } from '../../common/http/resource-routes';
import { Audit } from '../audit';
import {
  NotificationDto,
  NotificationListQueryDto,
  NotificationPageDto,
  ReadAllResultDto,
} from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: 'Your notifications, newest first',
    description:
      'Budget threshold crossings, one per budget, period and threshold. New ones are also ' +
      'pushed over socket.io as `notification.created`.',
  })
  @ApiOkResponse({ type: NotificationPageDto })
  list(@Query() query: NotificationListQueryDto): Promise<NotificationPageDto> {
    return this.notifications.list(query);
  }

  @Post('read-all')
  @HttpCode(HttpStatus.OK)
  @Audit({ action: 'notification.read_all', message: 'Marked all notifications read' })
  @ApiOperation({ summary: 'Mark all your notifications read' })
  @ApiOkResponse({ type: ReadAllResultDto })
  readAll(): Promise<ReadAllResultDto> {
    return this.notifications.markAllRead();
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'id', format: 'uuid', description: 'Notification' })
  @Audit({ action: 'notification.read', message: 'Marked a notification read' })
  @ApiOperation({
    summary: 'Mark one of your notifications read',
    description: 'Marking it again keeps the time it was first read.',
  })
  @ApiOkResponse({ type: NotificationDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such notification of yours' })
  read(@IdParam() id: string): Promise<NotificationDto> {
    return this.notifications.markRead(id);
  }
}
