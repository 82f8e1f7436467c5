/** The exceptions feature's public surface: other features import only these. */
export { exceptionKeys } from './api/exception-keys';
export { useExceptionPatterns } from './api/get-exception-patterns';
export { bucketSeries } from './chart-series';
export { CountedPager } from './components/CountedPager';
export { TimeCountChart } from './components/TimeCountChart';
export { TrendText } from './components/TrendText';
export { filtersFromParams, filtersToParams } from './exception-filters';
