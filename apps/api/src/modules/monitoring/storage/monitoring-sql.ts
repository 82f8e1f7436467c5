/**
 * Statements of the monitoring module start with this mark: the query timing leaves them out,
 * so storing metrics never feeds the metrics (an idle instance stays silent).
 */
export const MONITORING_QUERY_MARK = '/* monitoring */';
