/** The alerts module's public entry: what code outside the module uses of it. */
export { AlertsModule } from './alerts.module';
export { NotificationChannel } from './contact-points/notification-channel.entity';

// The alerting benchmark (bench/alerts) evaluates rules in its own process with these.
export { byFamily, MetricReaders } from './evaluation/metric-readers';
export type { AlertRule } from './rules/alert-rule';
export { AlertRulesStore } from './rules/alert-rules.store';
export { KnownRoutes } from './rules/known-routes';
export { FAMILY_OF } from './rules/metric-kinds';
export type { MetricFamily } from './rules/metric-kinds';
export { ruleProblems } from './rules/rule-problems';
export type { KnownRoute, RuleDraft } from './rules/rule-problems';
