/**
 * Alerting's vocabularies, shared by the API (validation, OpenAPI enums) and the SPA's forms.
 * See docs/alerting.md.
 */

/** What a rule measures over its evaluation window. */
export const ALERT_METRICS = [
  'p50_latency_ms',
  'p95_latency_ms',
  'p99_latency_ms',
  /** The share of requests answered 5xx, 0 to 1. */
  'error_rate',
  /** Requests per second. */
  'request_rate',
  'slow_request_count',
  'slow_query_count',
  'exception_count',
  /** Exception groups first seen in the window. */
  'new_exception_group',
  'log_count',
] as const;
export type AlertMetric = (typeof ALERT_METRICS)[number];

export const CONDITION_OPERATORS = ['>', '>=', '<', '<=', '==', '!='] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** What a rule's instance becomes when its query finds no data. */
export const NO_DATA_STATES = ['normal', 'alerting', 'nodata'] as const;
export type NoDataState = (typeof NO_DATA_STATES)[number];

/** A dimension a rule may split by: one alert instance per value. */
export const ALERT_GROUP_BY = ['route', 'module', 'source'] as const;
export type AlertGroupBy = (typeof ALERT_GROUP_BY)[number];

/** Grafana's instance states; a rule shows the worst of its instances' (last is worst). */
export const ALERT_STATES = [
  'normal',
  'pending',
  'recovering',
  'nodata',
  'error',
  'firing',
] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const CONTACT_POINT_TYPES = ['email', 'webhook', 'sms'] as const;
export type ContactPointType = (typeof CONTACT_POINT_TYPES)[number];

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'silenced'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Why a notification is sent: a group starts or changes firing, all resolved, or a test. */
export const ALERT_NOTIFICATION_KINDS = ['firing', 'resolved', 'test'] as const;
export type AlertNotificationKind = (typeof ALERT_NOTIFICATION_KINDS)[number];

/** Methods a rule's route filter may name. */
export const HTTP_METHODS_FOR_ALERTS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
