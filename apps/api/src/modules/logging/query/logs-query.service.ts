import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../../../common/errors/domain-errors';
import { LogEntryDto, LogContextDto, LogPageDto } from './dto/log-entry.dto';
import { LogFilterDto } from './dto/log-query.dto';
import { entriesNextTo, findEntry, traceEntries } from './log-entries.store';
import { decodeCursor, encodeCursor, LogCursor } from './log-cursor';

/** Lines of one trace returned with a line's context at most. */
const TRACE_LIMIT = 1000;
/** Rows read per query while exporting: memory stays flat however long the export is. */
const EXPORT_CHUNK = 1000;

/**
 * Reads stored logs: keyset pages newest first (constant cost however deep), single lines
 * with their surroundings and trace, and every matching line for exports.
 */
@Injectable()
export class LogsQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async find(filters: LogFilterDto, limit: number, cursor?: string): Promise<LogPageDto> {
    const items = await this.page(filters, limit, cursor ? decodeCursor(cursor) : undefined);
    const last = items[limit - 1];
    return {
      items,
      nextCursor:
        items.length === limit && last
          ? encodeCursor({ loggedAt: last.timestamp, id: last.id })
          : null,
    };
  }

  /** One line; `userId` limits it to that user's lines. */
  async get(id: string, userId?: string): Promise<LogEntryDto> {
    const entry = await findEntry(this.dataSource, id, userId);
    if (!entry) throw new NotFoundError('No log line with this ID');
    return entry;
  }

  /** A line, the lines around it in time and every line of its trace (all oldest first). */
  async context(
    id: string,
    around: { before: number; after: number },
    userId?: string,
  ): Promise<LogContextDto> {
    const entry = await this.get(id, userId);
    const scope: LogFilterDto = userId ? { userId } : {};
    const position = { loggedAt: entry.timestamp, id: entry.id };
    const [before, after, trace] = await Promise.all([
      around.before > 0 ? this.page(scope, around.before, position) : [],
      around.after > 0 ? this.page(scope, around.after, position, 'after') : [],
      entry.traceId ? traceEntries(this.dataSource, entry.traceId, TRACE_LIMIT, userId) : [],
    ]);
    return { entry, before: before.reverse(), after, trace };
  }

  /** Every matching line, newest first, read in keyset chunks (no offset scans, no row cap). */
  async *stream(filters: LogFilterDto): AsyncGenerator<LogEntryDto> {
    let cursor: LogCursor | undefined;
    for (;;) {
      const rows = await this.page(filters, EXPORT_CHUNK, cursor);
      yield* rows;
      if (rows.length < EXPORT_CHUNK) return;
      const last = rows[rows.length - 1];
      cursor = { loggedAt: last.timestamp, id: last.id };
    }
  }

  private page(
    filters: LogFilterDto,
    limit: number,
    cursor?: LogCursor,
    direction: 'before' | 'after' = 'before',
  ): Promise<LogEntryDto[]> {
    return entriesNextTo(this.dataSource, filters, limit, cursor, direction);
  }
}
