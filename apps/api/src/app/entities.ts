import { Account } from '../modules/accounts';
import { NotificationChannel } from '../modules/alerts';
import { AuditChange, AuditEvent } from '../modules/audit';
import { RefreshToken, RevokedToken } from '../modules/auth';
import { Budget, BudgetAlert } from '../modules/budgets';
import { Category } from '../modules/categories';
import { UserNotification } from '../modules/notifications';
import { Transaction } from '../modules/transactions';
import { User } from '../modules/users';

/** Every entity of the API; the schema they describe must match the migrations (see schema-drift test). */
export const entities = [
  User,
  RefreshToken,
  RevokedToken,
  Category,
  Account,
  Transaction,
  Budget,
  BudgetAlert,
  UserNotification,
  NotificationChannel,
  AuditChange,
  AuditEvent,
];
