/** The API's routes are `/<prefix>/v<version>/<route>`, e.g. `/api/v1/transactions`. */
export const API_PREFIX = 'api';
export const API_VERSION = '1';
/** Prometheus scrapes `GET /metrics` by convention: outside the prefix and unversioned. */
export const PROMETHEUS_PATH = 'metrics';

/** The path of a versioned API route: `apiPath('logging/logs')` is `/api/v1/logging/logs`. */
export function apiPath(route: string): string {
  return `/${API_PREFIX}/v${API_VERSION}/${route}`;
}
