import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  countQuery,
  EARLIEST_FROM,
  grouped,
  WindowedCount,
  windowedCounts,
  WindowedCountsRequest,
} from '../../../database/windowed-counts';

/**
 * Exceptions in each filter's window, from the per-minute counts: `source` filters, `level`
 * `fatal` counts only fatal ones (`error`, the lowest, counts all). The counts of the longest
 * window are read first (the bucket index finds them), then joined to the filters: joined the
 * other way, each filter would read every group's whole history.
 */
const EXCEPTIONS = countQuery({
  rows: `(SELECT c.bucket_start, c.count, g.source, g.level
      FROM exception_counts c JOIN exception_groups g ON g.id = c.group_id
      WHERE c.bucket_start <= $2 AND c.bucket_start >= date_trunc('minute', ${EARLIEST_FROM})) e`,
  key: grouped({ source: 'e.source' }),
  match: `e.bucket_start >= date_trunc('minute', f."from")
     AND (f.source IS NULL OR e.source = f.source)
     AND (f.level IS NULL OR f.level = 'error' OR e.level = 'fatal')`,
  value: 'sum(e.count)',
});

/** Exception groups first seen in each filter's window; `source` filters. */
const NEW_GROUPS = countQuery({
  rows: 'exception_groups g',
  key: grouped({ source: 'g.source' }),
  match: `g.first_seen >= f."from" AND g.first_seen <= $2
     AND (f.source IS NULL OR g.source = f.source)`,
});

/** What other modules count of the exceptions over windows, in one statement each. */
@Injectable()
export class ExceptionWindowedCountsStore {
  constructor(private readonly dataSource: DataSource) {}

  exceptionCounts(request: WindowedCountsRequest): Promise<WindowedCount[]> {
    return windowedCounts(this.dataSource, EXCEPTIONS, request);
  }

  newGroupCounts(request: WindowedCountsRequest): Promise<WindowedCount[]> {
    return windowedCounts(this.dataSource, NEW_GROUPS, request);
  }
}
