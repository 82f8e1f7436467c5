/** The logs feature's public surface: other features import only these. */
export { EMPTY_FILTERS, filterValuesOf, withFilters } from './model/log-filters';
