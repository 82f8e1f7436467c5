import { LOG_INGEST_LIMITS, LOG_LEVELS, type LogLevel } from '@ledgerlens/contracts';
import type { Redactor } from '@ledgerlens/redaction';
import type { Platform } from './platform';

export interface BrowserLoggerOptions {
  /** Where batches are posted (and beacons sent). */
  endpoint?: string;
  /** Entries below this level are not kept. */
  minLevel?: LogLevel;
  /** A batch goes out as soon as this many entries are ready (1–100). */
  batchSize?: number;
  /** …or when the oldest ready entry has waited this long. */
  flushIntervalMs?: number;
  /** The same level, message and stack again within this time is counted, not sent (0: off). */
  dedupWindowMs?: number;
  /**
   * Errors and fatal entries are held at most this long for repeats, then sent without waiting
   * for a batch: they reach the API's live tail within seconds.
   */
  errorDelayMs?: number;
  /** Retries of a failed batch (network error, 408, 429, 5xx). */
  maxRetries?: number;
  /** Delay before the first retry; doubled for each further one. */
  retryBaseDelayMs?: number;
  /** Cap of a retry delay, and the pause after a batch ran out of retries. */
  retryMaxDelayMs?: number;
  /** Unsent entries kept in localStorage; the oldest beyond this are dropped and counted. */
  maxStoredEntries?: number;
  /** Prefix of the localStorage keys (one key per page). */
  storageKeyPrefix?: string;
  /** Largest beacon body; browsers queue about 64 KB of beacons at a time. */
  maxBeaconBytes?: number;
  /** Version of the SPA, on every entry. */
  release?: string;
  /** On every entry; a new random UUID per logger unless given. */
  sessionId?: string;
  /** Extra request headers, asked for every request (e.g. `Authorization` while signed in). */
  headers?: () => HeadersInit | undefined;
  /** Runs over every entry before it is stored or sent; `@ledgerlens/redaction`'s by default. */
  redactor?: Redactor;
  /** The browser's clock, timers, fetch, storage, beacon and IDs: tests replace them. */
  platform?: Partial<Platform>;
}

/** The options that have a default. */
export type BrowserLoggerSettings = Required<
  Omit<BrowserLoggerOptions, 'release' | 'sessionId' | 'headers' | 'redactor' | 'platform'>
>;

export const BROWSER_LOGGER_DEFAULTS: Readonly<BrowserLoggerSettings> = {
  endpoint: '/api/v1/logging/logs/batch',
  minLevel: 'info',
  batchSize: 10,
  flushIntervalMs: 5_000,
  dedupWindowMs: 10_000,
  errorDelayMs: 1_000,
  maxRetries: 3,
  retryBaseDelayMs: 1_000,
  retryMaxDelayMs: 30_000,
  maxStoredEntries: 500,
  storageKeyPrefix: 'ledgerlens:browser-logs',
  maxBeaconBytes: 60_000,
};

type IntegerSetting = {
  [Key in keyof BrowserLoggerSettings]: BrowserLoggerSettings[Key] extends number ? Key : never;
}[keyof BrowserLoggerSettings];

/** Smallest and largest value of each number. */
const INTEGER_RANGES: Record<IntegerSetting, [min: number, max: number]> = {
  batchSize: [1, LOG_INGEST_LIMITS.entriesPerBatch],
  flushIntervalMs: [0, Number.MAX_SAFE_INTEGER],
  dedupWindowMs: [0, Number.MAX_SAFE_INTEGER],
  errorDelayMs: [0, Number.MAX_SAFE_INTEGER],
  maxRetries: [0, Number.MAX_SAFE_INTEGER],
  retryBaseDelayMs: [0, Number.MAX_SAFE_INTEGER],
  retryMaxDelayMs: [0, Number.MAX_SAFE_INTEGER],
  maxStoredEntries: [1, Number.MAX_SAFE_INTEGER],
  maxBeaconBytes: [1, Number.MAX_SAFE_INTEGER],
};

/** The options with their defaults; a RangeError for a value the logger cannot work with. */
export function resolveSettings(options: BrowserLoggerOptions): BrowserLoggerSettings {
  const settings: BrowserLoggerSettings = { ...BROWSER_LOGGER_DEFAULTS };
  for (const key of Object.keys(settings) as (keyof BrowserLoggerSettings)[]) {
    if (options[key] !== undefined) Object.assign(settings, { [key]: options[key] });
  }
  if (!LOG_LEVELS.includes(settings.minLevel)) {
    throw new RangeError(`minLevel must be one of ${LOG_LEVELS.join(', ')}`);
  }
  for (const [name, [min, max]] of Object.entries(INTEGER_RANGES)) {
    const value = settings[name as IntegerSetting];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`${name} must be an integer from ${min} to ${max}`);
    }
  }
  return settings;
}
