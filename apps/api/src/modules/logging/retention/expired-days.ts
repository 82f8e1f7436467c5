import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ArchiveDay } from './day-archiver';
import { RetentionPolicy, shortestRetention } from './retention-policy';
import { SqlConditions } from '../../../common/sql/sql-conditions';

/** Finds the days a retention run looks at, by the database's clock so every instance agrees. */
@Injectable()
export class ExpiredDays {
  constructor(private readonly dataSource: DataSource) {}

  /** Today in UTC, `YYYY-MM-DD`. */
  async today(): Promise<string> {
    const [{ today }] = await this.dataSource.query(
      `SELECT to_char((now() AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS today`,
    );
    return today;
  }

  /**
   * The day partitions, oldest first, that may hold rows expired on `today`: those before the
   * shortest retention's cut-off. Which rows of them expired is decided per row.
   */
  async find(policy: RetentionPolicy, today: string): Promise<ArchiveDay[]> {
    const parameters = new SqlConditions();
    const cutoff = `(${parameters.param(today)}::date - ${parameters.param(shortestRetention(policy))}::int)`;
    return this.dataSource.query(
      `SELECT to_char(partition_day, 'YYYY-MM-DD') AS day, relname AS "table"
       FROM (
         SELECT c.relname, to_date(substr(c.relname, length('app_logs_p') + 1), 'YYYYMMDD')
           AS partition_day
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = 'app_logs'::regclass AND c.relname ~ '^app_logs_p[0-9]{8}$'
       ) AS partitions
       WHERE partition_day < ${cutoff}
       ORDER BY day`,
      parameters.params,
    );
  }
}
