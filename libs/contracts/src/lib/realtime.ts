import type { AuditCategory, AuditResult, AuditSeverity, AuditSource } from './audit';
import {
  AlertEventPayload,
  AlertStateChangedPayload,
  BudgetSnapshot,
  BudgetThresholdCrossedPayload,
  DomainEvent,
  ExceptionGroupEventPayload,
  NotificationSnapshot,
  SessionEndReason,
  TransactionChangedPayload,
} from './events';
import type { LogLevel, LogSource } from './logging';

/** Where the API serves socket.io, on its HTTP port. The protocol: docs/realtime.md. */
export const REALTIME_PATH = '/socket.io';

/** Server → client events; each arrives under its own name as a `RealtimeEnvelope`. */
export const RealtimeEvent = {
  TransactionCreated: DomainEvent.TransactionCreated,
  TransactionUpdated: DomainEvent.TransactionUpdated,
  TransactionDeleted: DomainEvent.TransactionDeleted,
  BudgetUpdated: DomainEvent.BudgetUpdated,
  BudgetThresholdCrossed: DomainEvent.BudgetThresholdCrossed,
  ExceptionNew: DomainEvent.ExceptionNew,
  ExceptionRegressed: DomainEvent.ExceptionRegressed,
  AlertFired: DomainEvent.AlertFired,
  AlertResolved: DomainEvent.AlertResolved,
  AlertStateChanged: DomainEvent.AlertStateChanged,
  NotificationCreated: DomainEvent.NotificationCreated,
  /** An action-log event was stored (after `audit.subscribe`). */
  AuditEvent: 'audit.event',
  /** A stored log line matching the live-tail filter (after `logs.subscribe`). */
  LogCreated: 'log.created',
  /** Matching lines left out by the live-tail rate limit since the last line or marker. */
  LogSkipped: 'log.skipped',
  /** The sign-in behind this socket ended; the server disconnects it right after. */
  SessionEnded: 'session.ended',
} as const;

/** Domain-event payloads go out without the owner (the room says it) and the trace ID (the envelope carries it). */
export type TransactionEventPayload = Omit<TransactionChangedPayload, 'userId' | 'traceId'>;
export type BudgetEventPayload = BudgetSnapshot;
export type BudgetThresholdEventPayload = Omit<BudgetThresholdCrossedPayload, 'userId' | 'traceId'>;
export type ExceptionEventPayload = Omit<ExceptionGroupEventPayload, 'traceId'>;
export type AlertPayload = Omit<AlertEventPayload, 'traceId'>;
export type AlertStatePayload = Omit<AlertStateChangedPayload, 'traceId'>;
export type NotificationEventPayload = NotificationSnapshot;

/** An action-log event as `GET /audit-logs` lists it, without its ID (not known when pushed). */
export interface AuditEventPayload {
  occurredAt: string;
  actorId: string | null;
  actorEmail: string | null;
  source: AuditSource;
  action: string;
  category: AuditCategory;
  resourceType: string | null;
  resourceId: string | null;
  result: AuditResult;
  severity: AuditSeverity;
  message: string;
  ip: string | null;
  userAgent: string | null;
  traceId: string | null;
  durationMs: number | null;
  /** Redacted, like everything stored. */
  metadata: Record<string, unknown>;
}

/** A stored log line as `GET /logging/logs` lists it, without its ID and severity number. */
export interface LogLinePayload {
  timestamp: string;
  level: LogLevel;
  source: LogSource;
  module: string | null;
  message: string;
  traceId: string | null;
  userId: string | null;
  requestMethod: string | null;
  requestPath: string | null;
  statusCode: number | null;
  durationMs: number | null;
  extra: Record<string, unknown>;
}

export interface LogSkippedPayload {
  /** Matching lines not sent. */
  count: number;
}

export interface SessionEndedEventPayload {
  reason: SessionEndReason;
}

export interface RealtimePayloads {
  [RealtimeEvent.TransactionCreated]: TransactionEventPayload;
  [RealtimeEvent.TransactionUpdated]: TransactionEventPayload;
  [RealtimeEvent.TransactionDeleted]: TransactionEventPayload;
  [RealtimeEvent.BudgetUpdated]: BudgetEventPayload;
  [RealtimeEvent.BudgetThresholdCrossed]: BudgetThresholdEventPayload;
  [RealtimeEvent.ExceptionNew]: ExceptionEventPayload;
  [RealtimeEvent.ExceptionRegressed]: ExceptionEventPayload;
  [RealtimeEvent.AlertFired]: AlertPayload;
  [RealtimeEvent.AlertResolved]: AlertPayload;
  [RealtimeEvent.AlertStateChanged]: AlertStatePayload;
  [RealtimeEvent.NotificationCreated]: NotificationEventPayload;
  [RealtimeEvent.AuditEvent]: AuditEventPayload;
  [RealtimeEvent.LogCreated]: LogLinePayload;
  [RealtimeEvent.LogSkipped]: LogSkippedPayload;
  [RealtimeEvent.SessionEnded]: SessionEndedEventPayload;
}
export type RealtimeEventName = keyof RealtimePayloads;

/** Every server → client message. */
export interface RealtimeEnvelope<T extends RealtimeEventName = RealtimeEventName> {
  type: T;
  payload: RealtimePayloads[T];
  /** The trace of the request or job that caused it, when there was one. */
  traceId: string | null;
  /** When the server sent it (ISO 8601). */
  at: string;
}

/** For `io<ServerToClientEvents, ClientToServerEvents>(…)` in socket.io-client. */
export type ServerToClientEvents = {
  [T in RealtimeEventName]: (envelope: RealtimeEnvelope<T>) => void;
};

/** Client → server commands; each is answered through its acknowledgement. Admins only. */
export const RealtimeCommand = {
  SubscribeLogs: 'logs.subscribe',
  UnsubscribeLogs: 'logs.unsubscribe',
  SubscribeAudit: 'audit.subscribe',
  UnsubscribeAudit: 'audit.unsubscribe',
} as const;

/**
 * Which stored lines the live tail sends; every given condition must hold, none given sends
 * every line. `level` is a list of levels, `minLevel` a level and every graver one.
 */
export interface LogTailFilter {
  level?: LogLevel[];
  minLevel?: LogLevel;
  source?: LogSource;
  /** Exact module name, e.g. `http` or `TransactionsPage`. */
  module?: string;
  traceId?: string;
}

/** `forbidden`: not an admin; `invalid`: see `details`; `failed`: the server could not do it. */
export const REALTIME_COMMAND_ERROR_CODES = ['forbidden', 'invalid', 'failed'] as const;
export type RealtimeCommandErrorCode = (typeof REALTIME_COMMAND_ERROR_CODES)[number];

export type CommandAck =
  | { ok: true }
  | {
      ok: false;
      error: {
        code: RealtimeCommandErrorCode;
        message: string;
        /** Field → messages, for `invalid`. */
        details?: Record<string, string[]>;
      };
    };

export interface ClientToServerEvents {
  [RealtimeCommand.SubscribeLogs]: (
    filter: LogTailFilter,
    ack: (result: CommandAck) => void,
  ) => void;
  [RealtimeCommand.UnsubscribeLogs]: (ack: (result: CommandAck) => void) => void;
  [RealtimeCommand.SubscribeAudit]: (ack: (result: CommandAck) => void) => void;
  [RealtimeCommand.UnsubscribeAudit]: (ack: (result: CommandAck) => void) => void;
}

/**
 * `err.data.code` of a refused handshake (`connect_error`; `err.message` says why):
 * `unauthorized` — get a new access token (refresh or sign in) and connect again;
 * `unavailable` — the server cannot check tokens right now; retry later.
 */
export const HANDSHAKE_ERROR_CODES = ['unauthorized', 'unavailable'] as const;
export type HandshakeErrorCode = (typeof HANDSHAKE_ERROR_CODES)[number];

export const LIVE_TAIL_LIMITS = {
  /** Lines sent per second and socket at most; the rest are counted in `log.skipped`. */
  linesPerSecond: 50,
  /** Longest `module` and `traceId` a filter takes (the stored columns' widths). */
  moduleLength: 128,
  traceIdLength: 128,
} as const;
