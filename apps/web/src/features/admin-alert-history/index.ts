/** The alert history feature's public surface: other features import only these. */
export { ruleHistoryLink } from './history-filters';
