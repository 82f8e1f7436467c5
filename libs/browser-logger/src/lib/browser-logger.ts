import { LOG_LEVELS, type LogLevel } from '@ledgerlens/contracts';
import { redactor as defaultRedactor } from '@ledgerlens/redaction';
import { LogDelivery } from './delivery';
import { DropReports } from './drop-reports';
import { type GlobalTargets, listenToGlobalEvents } from './global-handlers';
import {
  createEntryFactory,
  type EntryFactory,
  type LogContext,
  type LogFields,
} from './log-entry';
import { type BrowserLoggerOptions, resolveSettings } from './options';
import { PendingStore } from './pending-store';
import { resolvePlatform } from './platform';
import { describeThrown } from './thrown-value';
import { createBatchPoster } from './transport';

/** Logs entries; every entry carries the session ID and the fields bound by `child`/`withTrace`. */
export interface Logger {
  readonly sessionId: string;
  trace(message: string, context?: LogContext): void;
  debug(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
  fatal(message: string, context?: LogContext): void;
  /** An error at level `error`: message and stack from the thrown value (an error boundary's too). */
  captureError(error: unknown, context?: LogContext): void;
  /** A logger adding `fields` to every entry (contexts merge, the child's keys win). */
  child(fields: LogFields): Logger;
  /** A logger for what one API request causes: its entries carry the request's trace ID. */
  withTrace(traceId: string): Logger;
}

/** The logger `createBrowserLogger` makes: one per page. */
export interface BrowserLogger extends Logger {
  /** Sends every pending entry now, de-duplication windows included; resolves when done or failing. */
  flush(): Promise<void>;
  /**
   * Captures uncaught errors and unhandled rejections, hands what is left to `sendBeacon` when
   * the page is hidden or left, and sends stored entries when the browser is back online.
   * Returns a function that removes the listeners.
   */
  installGlobalHandlers(targets?: Partial<GlobalTargets>): () => void;
  /** Removes the listeners, stops timers and retries, and saves what is unsent. */
  dispose(): void;
}

/** What all loggers of a page share. */
interface LoggerCore {
  sessionId: string;
  minRank: number;
  buildEntry: EntryFactory;
  delivery: LogDelivery;
}

const rankOf = (level: LogLevel) => LOG_LEVELS.indexOf(level);

class FieldLogger implements Logger {
  constructor(
    protected readonly core: LoggerCore,
    private readonly fields: LogFields,
  ) {}

  get sessionId(): string {
    return this.core.sessionId;
  }

  trace(message: string, context?: LogContext): void {
    this.log('trace', message, context);
  }
  debug(message: string, context?: LogContext): void {
    this.log('debug', message, context);
  }
  info(message: string, context?: LogContext): void {
    this.log('info', message, context);
  }
  warn(message: string, context?: LogContext): void {
    this.log('warn', message, context);
  }
  error(message: string, context?: LogContext): void {
    this.log('error', message, context);
  }
  fatal(message: string, context?: LogContext): void {
    this.log('fatal', message, context);
  }

  captureError(error: unknown, context?: LogContext): void {
    const thrown = describeThrown(error);
    this.log('error', thrown.message, { ...thrown.context, ...context }, thrown.stack);
  }

  child(fields: LogFields): Logger {
    const context = { ...this.fields.context, ...fields.context };
    return new FieldLogger(this.core, { ...this.fields, ...fields, context });
  }

  withTrace(traceId: string): Logger {
    return this.child({ traceId });
  }

  private log(level: LogLevel, message: string, context?: LogContext, stack?: string): void {
    if (rankOf(level) < this.core.minRank) return;
    try {
      this.core.delivery.add(
        this.core.buildEntry({ level, message, stack, context, fields: this.fields }),
      );
    } catch {
      // Logging must never break the page (nor, from an error handler, loop on its own error).
    }
  }
}

class RootLogger extends FieldLogger implements BrowserLogger {
  private readonly uninstallers = new Set<() => void>();

  flush(): Promise<void> {
    return this.core.delivery.flush();
  }

  installGlobalHandlers(targets: Partial<GlobalTargets> = {}): () => void {
    const { delivery } = this.core;
    const uninstall = listenToGlobalEvents(
      {
        captureError: (error, context) => this.captureError(error, context),
        handOff: () => delivery.handOff(),
        resume: () => delivery.resume(),
      },
      {
        window: targets.window ?? globalThis.window,
        document: targets.document ?? globalThis.document,
      },
    );
    this.uninstallers.add(uninstall);
    return () => {
      uninstall();
      this.uninstallers.delete(uninstall);
    };
  }

  dispose(): void {
    for (const uninstall of this.uninstallers) uninstall();
    this.uninstallers.clear();
    this.core.delivery.dispose();
  }
}

/**
 * The SPA's logger: entries are redacted and kept in localStorage at once, de-duplicated,
 * batched to `POST /api/v1/logging/logs/batch` with retries, and beaconed when the page goes.
 * Create one per page; entries an earlier page left unsent are sent first.
 */
export function createBrowserLogger(options: BrowserLoggerOptions = {}): BrowserLogger {
  const settings = resolveSettings(options);
  const platform = resolvePlatform(options.platform);
  const now = () => platform.scheduler.now();
  const sessionId = options.sessionId ?? platform.randomId();
  const buildEntry = createEntryFactory({
    redactor: options.redactor ?? defaultRedactor,
    now,
    randomId: platform.randomId,
    sessionId,
    release: options.release,
    currentUrl: platform.currentUrl,
  });
  const store = new PendingStore(platform.storage, {
    keyPrefix: settings.storageKeyPrefix,
    instanceId: platform.randomId(),
    maxRecords: settings.maxStoredEntries,
  });
  const delivery = new LogDelivery(
    store,
    new DropReports(store, buildEntry),
    createBatchPoster({
      fetch: platform.fetch,
      endpoint: settings.endpoint,
      headers: options.headers,
      now,
    }),
    platform,
    {
      batchSize: settings.batchSize,
      flushIntervalMs: settings.flushIntervalMs,
      dedupWindowMs: settings.dedupWindowMs,
      errorDelayMs: settings.errorDelayMs,
      retry: {
        maxRetries: settings.maxRetries,
        baseDelayMs: settings.retryBaseDelayMs,
        maxDelayMs: settings.retryMaxDelayMs,
      },
      beaconUrl: settings.endpoint,
      maxBeaconBytes: settings.maxBeaconBytes,
    },
  );
  return new RootLogger(
    { sessionId, minRank: rankOf(settings.minLevel), buildEntry, delivery },
    {},
  );
}
