/** The notifications module's public entry: what code outside the module uses of it. */
export { NotificationsModule } from './notifications.module';
export { UserNotification } from './user-notification.entity';
