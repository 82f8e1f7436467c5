import type {
  AlertGroupBy,
  AlertMetric,
  AlertSeverity,
  ConditionOperator,
  LogLevel,
  LogSource,
  NoDataState,
} from '@ledgerlens/contracts';

/** Narrow what a rule measures; each applies to the metrics it makes sense for. */
export interface AlertRuleFilters {
  /** A route template as metrics record it, e.g. `/api/v1/transactions/:id`. */
  route?: string;
  /** An HTTP method, with `route`. */
  method?: string;
  module?: string;
  source?: LogSource;
  /** The lowest log level counted (`log_count`), or the exception level. */
  level?: LogLevel;
  /** Text the log message contains (`log_count`), case-insensitive. */
  text?: string;
}

/** When and whom a rule's alert group notifies (Alertmanager's route settings). */
export interface NotificationPolicy {
  contactPointIds: string[];
  groupWaitSeconds: number;
  groupIntervalSeconds: number;
  repeatIntervalSeconds: number;
  sendResolved: boolean;
}

/** What the condition compares and how instances move between states. */
export interface AlertCondition {
  operator: ConditionOperator;
  threshold: number;
  /** Instances whose condition holds stay `pending` this long before they fire. */
  pendingSeconds: number;
  /** Firing instances whose condition stopped holding stay `recovering` this long. */
  keepFiringSeconds: number;
  noDataState: NoDataState;
}

/** An alert rule (`alert_configs`) as evaluation and notification see it. */
export interface AlertRule extends AlertCondition {
  id: string;
  name: string;
  description: string;
  severity: AlertSeverity;
  labels: Record<string, string>;
  /** `summary`, `runbook_url` and any other text for people. */
  annotations: Record<string, string>;
  enabled: boolean;
  metricType: AlertMetric;
  filters: AlertRuleFilters;
  groupBy: AlertGroupBy | null;
  windowSeconds: number;
  intervalSeconds: number;
  notification: NotificationPolicy;
}
