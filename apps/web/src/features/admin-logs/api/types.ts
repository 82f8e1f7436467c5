import type { components } from '@ledgerlens/contracts';

export type LogEntry = components['schemas']['LogEntryDto'];
export type LogPage = components['schemas']['LogPageDto'];
export type LogContext = components['schemas']['LogContextDto'];
