import { EntityManager } from 'typeorm';
import type { UserNotificationsTable } from '../../database/generated/db-tables';
import { rowsOf } from '../../database/typed-rows';
import type { NewNotification } from './notifications.service';

type InsertedRow = Pick<UserNotificationsTable, 'id'>;

/**
 * Inserts a notification for the user of `manager`'s transaction, unless one with the same kind
 * and `dedupeKey` exists; answers the new row's ID, or undefined when nothing was stored.
 */
export async function insertNotificationOnce(
  manager: EntityManager,
  notification: NewNotification,
): Promise<string | undefined> {
  const [row] = await rowsOf<InsertedRow>(
    manager,
    `INSERT INTO user_notifications (kind, title, body, link, data)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (user_id, kind, (data ->> 'dedupeKey')) DO NOTHING
     RETURNING id`,
    [
      notification.kind,
      notification.title,
      notification.body,
      notification.link,
      { ...notification.data, dedupeKey: notification.dedupeKey },
    ],
  );
  return row?.id;
}
