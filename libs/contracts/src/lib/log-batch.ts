import type { JSONSchemaType } from 'ajv';
import { LOG_INGEST_LIMITS, LOG_LEVELS, LogLevel } from './logging';

/** One log entry from a browser (`POST /api/v1/logging/logs/batch`). */
export interface BrowserLogEntry {
  /** Made by the browser per entry: a retried entry with the same ID is stored once. */
  clientId: string;
  /** When the browser logged it (ISO 8601): at most 7 days ago and an hour ahead. */
  timestamp: string;
  level: LogLevel;
  /** At most 64 KB in UTF-8. */
  message: string;
  module?: string;
  /** Trace ID of the API request the entry is about. */
  traceId?: string;
  sessionId?: string;
  /** Page the entry was logged on. */
  url?: string;
  /** Stack trace of an error, at most 64 KB in UTF-8. */
  stack?: string;
  /** Version of the web app. */
  release?: string;
  requestMethod?: string;
  requestPath?: string;
  statusCode?: number;
  durationMs?: number;
  /** Structured context; secrets are redacted again on arrival. */
  context?: Record<string, unknown>;
}

export interface LogBatch {
  entries: BrowserLogEntry[];
}

/** Trace IDs the API accepts from browsers (W3C IDs, UUIDs, or similar tokens). */
export const CLIENT_TRACE_ID_PATTERN = '^[A-Za-z0-9._-]{1,128}$';

/** Characters never outnumber UTF-8 bytes, so the byte limit bounds the length too. */
const MAX_TEXT_CHARACTERS = LOG_INGEST_LIMITS.messageBytes;

/** The column `app_logs.duration_ms` is a PostgreSQL integer. */
const MAX_DURATION_MS = 2_147_483_647;

/** Character limits of an entry's optional text fields, as the schema below enforces them. */
export const LOG_ENTRY_TEXT_LIMITS = {
  module: 128,
  sessionId: 128,
  url: 2048,
  release: 64,
  requestMethod: 10,
  requestPath: 2048,
} as const;

/** An optional text property (optional properties may also be null). */
const optionalText = (maxLength: number, description?: string) =>
  ({ type: 'string', maxLength, nullable: true, ...(description ? { description } : {}) }) as const;

/**
 * The batch's one schema: the API validates with it (compiled by ajv) and documents it in
 * OpenAPI. Byte limits and the clock window are checked after it (JSON Schema counts
 * characters and knows no clock).
 */
export const LOG_BATCH_SCHEMA: JSONSchemaType<LogBatch> = {
  type: 'object',
  required: ['entries'],
  additionalProperties: false,
  properties: {
    entries: {
      type: 'array',
      minItems: 1,
      maxItems: LOG_INGEST_LIMITS.entriesPerBatch,
      items: {
        type: 'object',
        required: ['clientId', 'timestamp', 'level', 'message'],
        additionalProperties: false,
        properties: {
          clientId: {
            type: 'string',
            format: 'uuid',
            description:
              'Made by the browser per entry: a retried entry with the same ID is stored once',
          },
          timestamp: {
            type: 'string',
            format: 'date-time',
            maxLength: 64,
            description: 'When the browser logged it: at most 7 days ago and an hour ahead',
          },
          level: { type: 'string', enum: [...LOG_LEVELS] },
          message: {
            type: 'string',
            maxLength: MAX_TEXT_CHARACTERS,
            description: 'At most 64 KB (UTF-8)',
          },
          module: optionalText(LOG_ENTRY_TEXT_LIMITS.module),
          traceId: {
            type: 'string',
            pattern: CLIENT_TRACE_ID_PATTERN,
            maxLength: 128,
            nullable: true,
            description: 'Trace ID of the API request the entry is about',
          },
          sessionId: optionalText(LOG_ENTRY_TEXT_LIMITS.sessionId, 'The browser session'),
          url: optionalText(LOG_ENTRY_TEXT_LIMITS.url, 'Page the entry was logged on'),
          stack: {
            type: 'string',
            maxLength: MAX_TEXT_CHARACTERS,
            nullable: true,
            description: 'Stack trace, at most 64 KB (UTF-8)',
          },
          release: optionalText(LOG_ENTRY_TEXT_LIMITS.release, 'Version of the web app'),
          requestMethod: optionalText(
            LOG_ENTRY_TEXT_LIMITS.requestMethod,
            'Method of the API request it is about',
          ),
          requestPath: optionalText(LOG_ENTRY_TEXT_LIMITS.requestPath),
          statusCode: { type: 'integer', minimum: 100, maximum: 599, nullable: true },
          durationMs: { type: 'integer', minimum: 0, maximum: MAX_DURATION_MS, nullable: true },
          context: {
            type: 'object',
            additionalProperties: true,
            nullable: true,
            description: 'Structured context; secrets are redacted again on arrival',
          },
        },
      },
    },
  },
};
