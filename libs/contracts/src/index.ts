export * from './lib/audit';
export * from './lib/enums';
export * from './lib/events';
export * from './lib/exceptions';
export * from './lib/logging';
export * from './lib/monitoring';
