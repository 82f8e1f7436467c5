import { NotificationKind, NotificationSnapshot } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, Not } from 'typeorm';
import { NotFoundError } from '../../common/errors/domain-errors';
import { UserContext } from '../../database/user-context';
import { NotificationListQueryDto, NotificationPageDto } from './dto/notification.dto';
import { UserNotification } from './user-notification.entity';
import { insertNotificationOnce } from './user-notifications.store';

/** A notification to store; `dedupeKey` names its cause, so the cause notifies once. */
export interface NewNotification {
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  dedupeKey: string;
  data: Record<string, unknown>;
}

export function snapshotOf(row: UserNotification): NotificationSnapshot {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    data: row.data,
    readAt: row.readAt ? row.readAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

const notificationNotFound = (id: string) => new NotFoundError(`Notification ${id} not found`);

/** The current user's notifications; Row-Level Security keeps everyone to their own. */
@Injectable()
export class NotificationsService {
  constructor(private readonly userContext: UserContext) {}

  list(query: NotificationListQueryDto): Promise<NotificationPageDto> {
    return this.userContext.run(async (manager) => {
      const where =
        query.unread === undefined ? {} : { readAt: query.unread ? IsNull() : Not(IsNull()) };
      const [rows, total] = await manager.findAndCount(UserNotification, {
        where,
        order: { createdAt: 'DESC', id: 'DESC' },
        skip: query.offset,
        take: query.limit,
      });
      const unreadCount = await manager.countBy(UserNotification, { readAt: IsNull() });
      return {
        items: rows.map(snapshotOf),
        total,
        unreadCount,
        page: query.page,
        limit: query.limit,
      };
    });
  }

  /** Marks one read; reading it again keeps the first time. */
  markRead(id: string): Promise<NotificationSnapshot> {
    return this.userContext.run(async (manager) => {
      await manager.update(UserNotification, { id, readAt: IsNull() }, { readAt: () => 'now()' });
      const row = await manager.findOneBy(UserNotification, { id });
      if (!row) throw notificationNotFound(id);
      return snapshotOf(row);
    });
  }

  markAllRead(): Promise<{ updated: number }> {
    return this.userContext.run(async (manager) => {
      const result = await manager.update(
        UserNotification,
        { readAt: IsNull() },
        { readAt: () => 'now()' },
      );
      return { updated: result.affected ?? 0 };
    });
  }

  /**
   * Stores a notification for the user of `manager`'s transaction, unless one with the same
   * kind and `dedupeKey` exists: then nothing is stored and null is returned.
   */
  async insertOnce(
    manager: EntityManager,
    notification: NewNotification,
  ): Promise<NotificationSnapshot | null> {
    const id = await insertNotificationOnce(manager, notification);
    if (id === undefined) return null;
    return snapshotOf(await manager.findOneByOrFail(UserNotification, { id }));
  }
}
