import { Injectable } from '@nestjs/common';
import { RequestContext } from '../../../common/context/request-context';
import { AppRedactor } from '../../../common/redaction/app-redactor';
import { AppLogRecord } from '../persistence/app-log-record';
import { AppLogWriter } from '../persistence/app-log.writer';
import { BrowserLogEntryDto, LogBatchResultDto } from './log-batch.dto';

/**
 * Stores browser log batches: each batch in one statement (whole or not at all), entries
 * already stored by an earlier send skipped, everything redacted again here (a browser may be
 * old or not ours), and tagged with the signed-in user or as anonymous.
 */
@Injectable()
export class LogIngestService {
  constructor(
    private readonly writer: AppLogWriter,
    private readonly context: RequestContext,
    private readonly redactor: AppRedactor,
  ) {}

  async store(entries: BrowserLogEntryDto[]): Promise<LogBatchResultDto> {
    const userId = this.context.actor?.id ?? null;
    const userAgent = this.context.userAgent;
    const records = entries.map((entry) => this.recordOf(entry, userId, userAgent));
    const stored = await this.writer.write(records);
    return { received: entries.length, stored, duplicates: entries.length - stored };
  }

  private recordOf(
    entry: BrowserLogEntryDto,
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
