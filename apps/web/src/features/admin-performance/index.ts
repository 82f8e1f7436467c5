/** The performance feature's public surface (its charts' parts): other features import only these. */
export { performanceKeys, useMetricSeries } from './api/performance-queries';
export { RangeSelector } from './components/RangeSelector';
export { TimeChart } from './components/TimeChart';
export { timeAxisProps } from './components/time-axis';
export { useWidth } from './components/use-width';
export {
  formatCount,
  formatMs,
  formatPointChange,
  formatPointTime,
  formatRatio,
  tickFormatterFor,
} from './format';
export { parseRange, type Range, RANGE_LABELS, RANGES, windowOf } from './range';
export { chartRows, hasRequests } from './series';
