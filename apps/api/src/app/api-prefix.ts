export const API_PREFIX = 'api';
export const API_VERSION = '1';
/** Prometheus scrapes `GET /metrics` by convention: outside the prefix and unversioned. */
export const PROMETHEUS_PATH = 'metrics';
