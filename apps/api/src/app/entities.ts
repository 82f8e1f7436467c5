import { NotificationChannel } from '../modules/alerts/contact-points/notification-channel.entity';
import { AuditChange } from '../modules/audit/audit-change.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { RefreshToken } from '../modules/auth/refresh-token.entity';
import { RevokedToken } from '../modules/auth/revoked-token.entity';
import { BudgetAlert } from '../modules/budgets/budget-alert.entity';
import { Budget } from '../modules/budgets/budget.entity';
import { Category } from '../modules/categories/category.entity';
import { UserNotification } from '../modules/notifications/user-notification.entity';
import { Transaction } from '../modules/transactions/transaction.entity';
import { User } from '../modules/users/user.entity';

/** Every entity of the API; the schema they describe must match the migrations (see schema-drift test). */
export const entities = [
  User,
  RefreshToken,
  RevokedToken,
  Category,
  Transaction,
  Budget,
  BudgetAlert,
  UserNotification,
  NotificationChannel,
  AuditChange,
  AuditEvent,
];
