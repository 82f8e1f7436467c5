import { BrowserLogEntry } from '@ledgerlens/contracts';
import { Injectable, Optional } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { RequestContext } from '../../../common/context/request-context';
import { reportException } from '../../../common/errors/exception-report';
import { AppRedactor } from '../../../common/redaction/app-redactor';
import { AppLogRecord } from '../persistence/app-log-record';
import { AppLogWriter } from '../persistence/app-log.writer';
import { LogBatchResultDto } from './log-batch.dto';

/**
 * Stores browser log batches: each batch in one statement (whole or not at all), entries
 * already stored by an earlier send skipped, everything redacted again here (a browser may be
 * old or not ours), and tagged with the signed-in user or as anonymous. Error and fatal entries
 * stored now (not those a retry sent again) also go to exception tracking.
 */
@Injectable()
export class LogIngestService {
  constructor(
    private readonly writer: AppLogWriter,
    private readonly context: RequestContext,
    private readonly redactor: AppRedactor,
    @Optional() private readonly events?: EventEmitter2,
  ) {}

  async store(entries: BrowserLogEntry[]): Promise<LogBatchResultDto> {
    const userId = this.context.actor?.id ?? null;
    const userAgent = this.context.userAgent;
    const records = entries.map((entry) => this.recordOf(entry, userId, userAgent));
    const { stored, clientIds } = await this.writer.store(records);
    this.reportErrors(records, new Set(clientIds));
    return { received: entries.length, stored, duplicates: entries.length - stored };
  }

  /** Browser errors, from the stored (redacted) records; type and grouping are the tracker's. */
  private reportErrors(records: AppLogRecord[], storedNow: Set<string>): void {
    for (const record of records) {
      if (record.level !== 'error' && record.level !== 'fatal') continue;
      if (!record.clientId || !storedNow.has(record.clientId)) continue;
      const { stack, release, ...context } = record.extraData;
      reportException(this.events, {
        source: 'frontend',
        origin: 'browser',
        level: record.level,
        message: record.message,
        stack: typeof stack === 'string' ? stack : undefined,
        release: typeof release === 'string' ? release : null,
        occurredAt: record.loggedAt,
        traceId: record.traceId,
        userId: record.userId,
        request: { method: record.requestMethod, path: record.requestPath },
        context: { ...context, module: record.module, clientId: record.clientId },
      });
    }
  }

  private recordOf(
    entry: BrowserLogEntry,
    userId: string | null,
    userAgent: string | undefined,
  ): AppLogRecord {
    const extra: Record<string, unknown> = {
      ...entry.context,
      sessionId: entry.sessionId,
      url: entry.url,
      stack: entry.stack,
      release: entry.release,
      userAgent,
      ...(userId ? {} : { anonymous: true }),
    };
    return {
      loggedAt: entry.timestamp,
      level: entry.level,
      source: 'frontend',
      module: entry.module ?? null,
      message: this.redactor.redactText(entry.message),
      traceId: entry.traceId ?? null,
      userId,
      requestMethod: entry.requestMethod ?? null,
      requestPath: entry.requestPath ? this.redactor.redactText(entry.requestPath) : null,
      statusCode: entry.statusCode ?? null,
      durationMs: entry.durationMs ?? null,
      extraData: this.redactor.redact(extra),
      clientId: entry.clientId,
    };
  }
}
