import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  countQuery,
  grouped,
  WindowedCount,
  windowedCounts,
  WindowedCountsRequest,
} from '../../../database/windowed-counts';

/** Stored logs in each filter's window; `level` (the lowest), `source`, `module` and `text` filter. */
const LOGS = countQuery({
  rows: 'app_logs l',
  key: grouped({ module: 'l.module', source: 'l.source' }),
  match: `l.logged_at >= f."from" AND l.logged_at <= $2
     AND (f.min_severity IS NULL OR l.severity_number >= f.min_severity)
     AND (f.source IS NULL OR l.source = f.source)
     AND (f.module IS NULL OR l.module = f.module)
     AND (f.text IS NULL OR l.message ILIKE '%' || f.text || '%')`,
});

/** What other modules count of the stored logs over windows, in one statement. */
@Injectable()
export class LogWindowedCountsStore {
  constructor(private readonly dataSource: DataSource) {}

  logCounts(request: WindowedCountsRequest): Promise<WindowedCount[]> {
    return windowedCounts(this.dataSource, LOGS, request);
  }
}
