import { InitialSchema1732200000000 } from './1732200000000-initial-schema';
import { AuditTrail1732300000000 } from './1732300000000-audit-trail';
import { AppLogs1732400000000 } from './1732400000000-app-logs';
import { AppLogRollups1732450000000 } from './1732450000000-app-log-rollups';
import { Exceptions1732500000000 } from './1732500000000-exceptions';
import { PerformanceMetrics1732600000000 } from './1732600000000-performance-metrics';
import { AccountDeletionNotify1732700000000 } from './1732700000000-account-deletion-notify';
import { RevokeSignIns1732710000000 } from './1732710000000-revoke-sign-ins';
import { Alerting1732800000000 } from './1732800000000-alerting';
import { UserNotifications1732810000000 } from './1732810000000-user-notifications';
import { ExpenseSpendingIndex1732830000000 } from './1732830000000-expense-spending-index';
import { JobPeriods1732840000000 } from './1732840000000-job-periods';
import { AuditPartitions1732850000000 } from './1732850000000-audit-partitions';
import { UserPreferences1732860000000 } from './1732860000000-user-preferences';
import { RecurringTransactions1732870000000 } from './1732870000000-recurring-transactions';
import { Accounts1732880000000 } from './1732880000000-accounts';
import { SavingsGoals1732890000000 } from './1732890000000-savings-goals';

/** Every migration, in order. Listed explicitly so the bundled API and the tests run the same set. */
export const migrations = [
  InitialSchema1732200000000,
  AuditTrail1732300000000,
  AppLogs1732400000000,
  AppLogRollups1732450000000,
  Exceptions1732500000000,
  PerformanceMetrics1732600000000,
  AccountDeletionNotify1732700000000,
  RevokeSignIns1732710000000,
  Alerting1732800000000,
  UserNotifications1732810000000,
  ExpenseSpendingIndex1732830000000,
  JobPeriods1732840000000,
  AuditPartitions1732850000000,
  UserPreferences1732860000000,
  RecurringTransactions1732870000000,
  Accounts1732880000000,
  SavingsGoals1732890000000,
];
