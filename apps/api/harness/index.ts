/**
 * The API's harness: what code outside the API (benchmarks, browser journeys) and the API's own
 * tests use to run it as a user does — the built API as a process on a PostgreSQL server of
 * its own — and to reach its database directly.
 */
export type { BuiltApi, BuiltApiEnv } from './built-api';
export { startBuiltApi } from './built-api';
export type { RunningDatabase } from './database-server';
export { openDatabaseServerOf } from './database-server';
export { freePort } from './free-port';
export { sql, withClient, withDatabase } from './postgres';
export { waitForHealth } from './wait-for-health';
export { TABLE_TYPES_FILE, tableTypesOf } from './table-types';
