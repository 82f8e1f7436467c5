/** The monitoring module's public entry: what code outside the module uses of it. */
export {
  emptyHistogram,
  mergeInto,
  microsecondsOf,
  observe,
  percentileUs,
} from './histogram/latency-histogram';
export type { LatencyHistogram } from './histogram/latency-histogram';
export { MonitoringModule } from './monitoring.module';
export { METRICS_SECURITY_SCHEME } from './prometheus/prometheus.controller';
export { MonitoringWindowedCountsModule } from './query/windowed-counts.module';
export { MonitoringWindowedCountsStore } from './query/windowed-counts.store';
export type { RequestMinute } from './query/windowed-counts.store';
