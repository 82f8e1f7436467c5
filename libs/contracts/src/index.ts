export * from './lib/alerts';
export * from './lib/audit';
export * from './lib/enums';
export * from './lib/events';
export * from './lib/exceptions';
export * from './lib/imports';
export * from './lib/insights';
export * from './lib/log-batch';
export * from './lib/logging';
export * from './lib/monitoring';
export * from './lib/preferences';
export * from './lib/realtime';
/** The API's paths and schemas, generated from its OpenAPI document (`npm run api:types`). */
export type { components, operations, paths } from './generated/api-schema';
