import type {
  AlertGroupBy,
  AlertMetric,
  AlertSeverity,
  components,
  ConditionOperator,
  NoDataState,
} from '@ledgerlens/contracts';
import type { FieldMessages, FormFields } from '../../lib/field-errors';
import { type FilterName, METRIC_KINDS } from './metric-kinds';

export type AlertRuleInput = components['schemas']['AlertRuleInputDto'];
type AlertRule = components['schemas']['AlertRuleDto'];

export const DURATION_UNITS = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 } as const;
export type DurationUnit = keyof typeof DURATION_UNITS;

/** A duration as typed: an amount and the unit chosen beside it. */
export interface Duration {
  amount: string;
  unit: DurationUnit;
}

/** A label or annotation being edited; rows without a name and a value are left out. */
export interface KeyValueRow {
  key: string;
  value: string;
}

/** Every filter as a text box or select value; '' is "not filtered". */
export type FilterValues = Record<FilterName, string>;

export interface RuleFormValues {
  name: string;
  description: string;
  severity: AlertSeverity;
  enabled: boolean;
  metricType: AlertMetric;
  filters: FilterValues;
  groupBy: AlertGroupBy | '';
  operator: ConditionOperator;
  /** In the metric's form unit: a percentage for a share. */
  threshold: string;
  window: Duration;
  interval: Duration;
  pending: Duration;
  keepFiring: Duration;
  noDataState: NoDataState;
  labels: KeyValueRow[];
  annotations: KeyValueRow[];
  contactPointIds: string[];
  groupWait: Duration;
  groupInterval: Duration;
  repeatInterval: Duration;
  sendResolved: boolean;
}

/** The duration fields and the API field each becomes. */
export const DURATION_FIELDS = {
  window: 'windowSeconds',
  interval: 'intervalSeconds',
  pending: 'pendingSeconds',
  keepFiring: 'keepFiringSeconds',
  groupWait: 'notification.groupWaitSeconds',
  groupInterval: 'notification.groupIntervalSeconds',
  repeatInterval: 'notification.repeatIntervalSeconds',
} as const;
export type DurationField = keyof typeof DURATION_FIELDS;

/**
 * The API fields the form shows beside a control, with the words its messages use for each
 * ("Repeat interval must…", not "repeatIntervalSeconds must…"). The form's messages are keyed by
 * these API names too.
 */
export const RULE_FIELDS: FormFields<string> = {
  name: { label: 'Name' },
  description: { label: 'Description' },
  severity: { label: 'Severity' },
  metricType: { label: 'Metric' },
  'filters.route': { label: 'Route' },
  'filters.method': { label: 'Method' },
  'filters.source': { label: 'Source' },
  'filters.level': { label: 'Level' },
  'filters.module': { label: 'Module' },
  'filters.text': { label: 'Message contains' },
  groupBy: { label: 'Alert separately for' },
  operator: { label: 'Condition' },
  threshold: { label: 'Threshold' },
  noDataState: { label: 'When there is no data' },
  labels: { label: 'Labels' },
  annotations: { label: 'Annotations' },
  'notification.contactPointIds': { label: 'Contact points' },
  [DURATION_FIELDS.window]: { label: 'Window' },
  [DURATION_FIELDS.interval]: { label: 'Evaluation interval' },
  [DURATION_FIELDS.pending]: { label: 'Pending period' },
  [DURATION_FIELDS.keepFiring]: { label: 'Keep firing for' },
  [DURATION_FIELDS.groupWait]: { label: 'Group wait' },
  [DURATION_FIELDS.groupInterval]: { label: 'Group interval' },
  [DURATION_FIELDS.repeatInterval]: { label: 'Repeat interval' },
};

const NO_FILTERS: FilterValues = {
  route: '',
  method: '',
  module: '',
  source: '',
  level: '',
  text: '',
};

/** A duration in the largest unit that holds it exactly: 300 → 5 minutes, 90 → 90 seconds. */
export function durationOf(seconds: number): Duration {
  const units = Object.entries(DURATION_UNITS).reverse() as [DurationUnit, number][];
  const [unit, size] = units.find(([, size]) => seconds >= size && seconds % size === 0) ?? [
    'seconds',
    1,
  ];
  return { amount: String(seconds / size), unit };
}

/**
 * A new rule: the p95 latency of every route over 5 minutes, checked every minute, firing
 * after it has held for 2 minutes (one slow minute wakes nobody), with Alertmanager's
 * notification timing.
 */
export function newRuleValues(): RuleFormValues {
  return {
    name: '',
    description: '',
    severity: 'warning',
    enabled: true,
    metricType: 'p95_latency_ms',
    filters: { ...NO_FILTERS },
    groupBy: '',
    operator: '>',
    threshold: String(METRIC_KINDS.p95_latency_ms.suggestedThreshold),
    window: durationOf(300),
    interval: durationOf(60),
    pending: durationOf(120),
    keepFiring: durationOf(0),
    noDataState: 'normal',
    labels: [],
    annotations: [{ key: 'summary', value: '' }],
    contactPointIds: [],
    groupWait: durationOf(30),
    groupInterval: durationOf(300),
    repeatInterval: durationOf(14_400),
    sendResolved: true,
  };
}

const isShare = (metric: AlertMetric) => METRIC_KINDS[metric].unit === 'share';

/** Digits a percentage keeps when a share is shown in the form: 0.0525 → "5.25". */
const percentOf = (share: number) => String(Math.round(share * 100 * 1e6) / 1e6);

const rowsOf = (map: Record<string, string>): KeyValueRow[] =>
  Object.entries(map).map(([key, value]) => ({ key, value }));

/** A saved rule as the form edits it. */
export function formValuesOf(rule: AlertRule): RuleFormValues {
  const { notification } = rule;
  return {
    name: rule.name,
    description: rule.description,
    severity: rule.severity,
    enabled: rule.enabled,
    metricType: rule.metricType,
    filters: { ...NO_FILTERS, ...rule.filters },
    groupBy: rule.groupBy ?? '',
    operator: rule.operator,
    threshold: isShare(rule.metricType) ? percentOf(rule.threshold) : String(rule.threshold),
    window: durationOf(rule.windowSeconds),
    interval: durationOf(rule.intervalSeconds),
    pending: durationOf(rule.pendingSeconds),
    keepFiring: durationOf(rule.keepFiringSeconds),
    noDataState: rule.noDataState,
    labels: rowsOf(rule.labels),
    annotations: rowsOf(rule.annotations),
    contactPointIds: notification.contactPointIds ?? [],
    groupWait: durationOf(notification.groupWaitSeconds ?? 30),
    groupInterval: durationOf(notification.groupIntervalSeconds ?? 300),
    repeatInterval: durationOf(notification.repeatIntervalSeconds ?? 14_400),
    sendResolved: notification.sendResolved ?? true,
  };
}

/**
 * The form after choosing another metric: filters and a grouping the metric cannot honour are
 * dropped, and the threshold starts over when its unit changes (500 ms is no error rate).
 */
export function withMetric(values: RuleFormValues, metricType: AlertMetric): RuleFormValues {
  const kind = METRIC_KINDS[metricType];
  const filters = { ...NO_FILTERS };
  for (const name of kind.filters) filters[name] = values.filters[name];
  const sameUnit = METRIC_KINDS[values.metricType].unit === kind.unit;
  return {
    ...values,
    metricType,
    filters,
    groupBy: values.groupBy && kind.groupBy.includes(values.groupBy) ? values.groupBy : '',
    threshold: sameUnit ? values.threshold : String(kind.suggestedThreshold),
  };
}

/** Messages by the API's field names (`windowSeconds`, `labels`), so both show the same way. */
export type FormErrors = FieldMessages<string>;

export type RuleInputChecked =
  { ok: true; input: AlertRuleInput } | { ok: false; errors: FormErrors };

function secondsOf(duration: Duration): number | null {
  const amount = Number(duration.amount);
  if (duration.amount.trim() === '' || !Number.isFinite(amount)) return null;
  return Math.round(amount * DURATION_UNITS[duration.unit]);
}

function mapOf(rows: KeyValueRow[]): Record<string, string> | null {
  const map: Record<string, string> = {};
  for (const { key, value } of rows) {
    if (key.trim() === '' && value.trim() === '') continue;
    if (key.trim() === '') return null;
    map[key.trim()] = value.trim();
  }
  return map;
}

/**
 * The API's body from the form. Only what the form alone can tell is checked here (a number
 * that is not one, a value without a name); the API judges the rest, and its messages show by
 * the same fields.
 */
export function ruleInputOf(values: RuleFormValues): RuleInputChecked {
  const errors: FormErrors = {};
  const threshold = Number(values.threshold);
  if (values.threshold.trim() === '' || !Number.isFinite(threshold)) {
    errors.threshold = 'Enter the threshold as a number.';
  }
  const seconds = {} as Record<DurationField, number>;
  for (const [field, apiField] of Object.entries(DURATION_FIELDS) as [DurationField, string][]) {
    const value = secondsOf(values[field]);
    if (value === null) errors[apiField] = 'Enter a number.';
    else seconds[field] = value;
  }
  const labels = mapOf(values.labels);
  if (!labels) errors.labels = 'Give every label a name.';
  const annotations = mapOf(values.annotations);
  if (!annotations) errors.annotations = 'Give every annotation a name.';
  if (Object.keys(errors).length > 0 || !labels || !annotations) return { ok: false, errors };

  const filters: Record<string, string> = {};
  for (const name of METRIC_KINDS[values.metricType].filters) {
    const value = values.filters[name].trim();
    if (value) filters[name] = value;
  }
  return {
    ok: true,
    input: {
      name: values.name.trim(),
      description: values.description.trim(),
      severity: values.severity,
      enabled: values.enabled,
      metricType: values.metricType,
      filters,
      groupBy: values.groupBy || null,
      operator: values.operator,
      threshold: isShare(values.metricType) ? threshold / 100 : threshold,
      windowSeconds: seconds.window,
      intervalSeconds: seconds.interval,
      pendingSeconds: seconds.pending,
      keepFiringSeconds: seconds.keepFiring,
      noDataState: values.noDataState,
      labels,
      annotations,
      notification: {
        contactPointIds: values.contactPointIds,
        groupWaitSeconds: seconds.groupWait,
        groupIntervalSeconds: seconds.groupInterval,
        repeatIntervalSeconds: seconds.repeatInterval,
        sendResolved: values.sendResolved,
      },
    },
  };
}

/** A saved rule as the body that replaces it, with `changes` (enabling or disabling it). */
export function inputOfRule(
  rule: AlertRule,
  changes: Partial<AlertRuleInput> = {},
): AlertRuleInput {
  return {
    name: rule.name,
    description: rule.description,
    severity: rule.severity,
    enabled: rule.enabled,
    metricType: rule.metricType,
    filters: rule.filters,
    groupBy: rule.groupBy,
    operator: rule.operator,
    threshold: rule.threshold,
    windowSeconds: rule.windowSeconds,
    intervalSeconds: rule.intervalSeconds,
    pendingSeconds: rule.pendingSeconds,
    keepFiringSeconds: rule.keepFiringSeconds,
    noDataState: rule.noDataState,
    labels: rule.labels,
    annotations: rule.annotations,
    notification: rule.notification,
    ...changes,
  };
}
