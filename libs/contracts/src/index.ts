export * from './lib/audit';
export * from './lib/enums';
export * from './lib/events';
export * from './lib/logging';
