import { Injectable, Logger } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';
import { AppConfig } from '../../../config/app-config';
import { archivePathsOf, ArchivePaths } from './archive-layout';
import { placeArchive, removeArchive, writeVerifiedArchive } from './archive-files';
import { ArchivedFile } from './archive-run';
import { ArchiveRunsRepository } from './archive-runs.repository';
import { RetentionPolicy, expiredSql } from './retention-policy';
import { isoTimestampSql } from '../../../common/sql/iso-timestamp';
import { SqlConditions } from '../../../common/sql/sql-conditions';

/** Rows read per query while archiving: memory stays flat however large a day is. */
const READ_CHUNK_ROWS = 1000;

const ISO_LOGGED_AT = isoTimestampSql('logged_at');

/** A UTC day that may hold expired logs, and its partition. */
export interface ArchiveDay {
  /** `YYYY-MM-DD`. */
  day: string;
  /** `app_logs_pYYYYMMDD`. */
  table: string;
}

/** What every day of one run shares. */
export interface ArchiveRunContext {
  runId: string;
  policy: RetentionPolicy;
  /** UTC, `YYYY-MM-DD`: fixed when the run starts. */
  today: string;
  /** Aborts when the application shuts down. */
  signal: AbortSignal;
}

interface DayCounts {
  expired: number;
  total: number;
  minLoggedAt: string | null;
  maxLoggedAt: string | null;
}

interface Cursor {
  loggedAt: string;
  id: string;
}

/** The rows of `day` in its table, as SQL (both bounds bound). */
function inDaySql(day: string, parameters: SqlConditions): string {
  const start = parameters.param(day);
  return (
    `logged_at >= ${start}::date::timestamp AT TIME ZONE 'UTC' ` +
    `AND logged_at < (${start}::date + 1)::timestamp AT TIME ZONE 'UTC'`
  );
}

/** The expired rows of one day, as SQL. */
function expiredOfDaySql(
  run: ArchiveRunContext,
  target: ArchiveDay,
  parameters: SqlConditions,
): string {
  return `${inDaySql(target.day, parameters)} AND ${expiredSql(run.policy, run.today, parameters)}`;
}

/**
 * Archives and removes the expired logs of one day in one transaction that first locks the
 * day's table against writes, so no row can arrive or leave between archiving and removal:
 * the rows go to a verified gzip NDJSON file and its manifest first, then the whole partition
 * is dropped when every row of it has expired, else only the expired rows are deleted (rows
 * kept longer by a retention rule stay), and the day's hourly rollups are counted again. Files of a day whose removal fails are deleted again.
 */
@Injectable()
export class DayArchiver {
  private readonly logger = new Logger(DayArchiver.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly runs: ArchiveRunsRepository,
  ) {}

  async archive(run: ArchiveRunContext, target: ArchiveDay): Promise<void> {
    const paths = archivePathsOf(this.config.ARCHIVE_DIR, target.day, run.runId);
    const connection = this.dataSource.createQueryRunner();
    let file: ArchivedFile | undefined;
    let committing = false;
    try {
      await connection.startTransaction();
      await connection.query(`LOCK TABLE "${target.table}" IN EXCLUSIVE MODE`);
      const counts = await this.count(connection, run, target);
      if (counts.expired > 0) file = await this.write(connection, run, target, counts, paths);
      const dropped = counts.expired === counts.total;
      if (dropped) await connection.query(`DROP TABLE "${target.table}"`);
      else if (file) await this.deleteExpired(connection, run, target, counts.expired);
      // Neither dropping nor deleting from a partition updates the parent's hourly rollups.
      if (counts.expired > 0) {
        await connection.query(`SELECT app_logs_recount_day($1::date)`, [target.day]);
      }
      if (file || dropped) await this.runs.recordDay(connection, run.runId, { file, dropped });
      committing = true;
      await connection.commitTransaction();
    } catch (error) {
      await this.undo(connection, run, target, paths, committing && file !== undefined);
      throw error;
    } finally {
      await connection.release();
    }
  }

  private async count(
    connection: QueryRunner,
    run: ArchiveRunContext,
    target: ArchiveDay,
  ): Promise<DayCounts> {
    const parameters = new SqlConditions();
    const expired = expiredSql(run.policy, run.today, parameters);
    const [counts] = await connection.query(
      `SELECT count(*) FILTER (WHERE ${expired})::int AS expired, count(*)::int AS total,
         min(${ISO_LOGGED_AT}) FILTER (WHERE ${expired}) AS "minLoggedAt",
         max(${ISO_LOGGED_AT}) FILTER (WHERE ${expired}) AS "maxLoggedAt"
       FROM "${target.table}" WHERE ${inDaySql(target.day, parameters)}`,
      parameters.params,
    );
    return counts;
  }

  /** Writes, verifies and places the archive of the day's expired rows. */
  private async write(
    connection: QueryRunner,
    run: ArchiveRunContext,
    target: ArchiveDay,
    counts: DayCounts,
    paths: ArchivePaths,
  ): Promise<ArchivedFile> {
    const lines = this.expiredLines(connection, run, target);
    const digest = await writeVerifiedArchive(paths, lines, counts.expired);
    await placeArchive(paths, {
      partition: target.table,
      day: target.day,
      runId: run.runId,
      rows: counts.expired,
      ...digest,
      minLoggedAt: counts.minLoggedAt as string,
      maxLoggedAt: counts.maxLoggedAt as string,
    });
    return { path: paths.file, day: target.day, rows: counts.expired, ...digest };
  }

  /**
   * The day's expired rows as NDJSON lines, oldest first, read in keyset chunks: every column,
   * `id` as a string and `logged_at` in ISO 8601 UTC with microseconds.
   */
  private async *expiredLines(
    connection: QueryRunner,
    run: ArchiveRunContext,
    target: ArchiveDay,
  ): AsyncGenerator<string> {
    let after: Cursor | undefined;
    for (;;) {
      run.signal.throwIfAborted();
      const parameters = new SqlConditions();
      const expired = expiredOfDaySql(run, target, parameters);
      const next = after
        ? `AND (l.logged_at, l.id) > (${parameters.param(after.loggedAt)}::timestamptz, ${parameters.param(after.id)}::bigint)`
        : '';
      // `l.id`, not `id`: in ORDER BY that would be the selected text, sorting 10 before 9.
      const rows: (Cursor & { line: string })[] = await connection.query(
        `SELECT (to_jsonb(l) || jsonb_build_object('id', l.id::text, 'logged_at', ${ISO_LOGGED_AT}))::text
             AS line,
           ${ISO_LOGGED_AT} AS "loggedAt", id::text AS id
         FROM "${target.table}" AS l WHERE ${expired} ${next}
         ORDER BY l.logged_at, l.id LIMIT ${parameters.param(READ_CHUNK_ROWS)}`,
        parameters.params,
      );
      for (const row of rows) yield `${row.line}\n`;
      if (rows.length < READ_CHUNK_ROWS) return;
      const last = rows[rows.length - 1];
      after = { loggedAt: last.loggedAt, id: last.id };
    }
  }

  private async deleteExpired(
    connection: QueryRunner,
    run: ArchiveRunContext,
    target: ArchiveDay,
    archived: number,
  ): Promise<void> {
    const parameters = new SqlConditions();
    const { affected } = await connection.query(
      `DELETE FROM "${target.table}" WHERE ${expiredOfDaySql(run, target, parameters)}`,
      parameters.params,
      true,
    );
    if (affected !== archived) {
      throw new Error(`Deleting ${target.day} removed ${affected} rows, ${archived} were archived`);
    }
  }

  /**
   * Rolls back and deletes the day's files. When COMMIT itself failed (`fileCommitting`) its
   * outcome is unknown: the files are deleted only if the rows are still stored, so a row is
   * never lost (at worst, a later run archives it a second time under its own run ID).
   */
  private async undo(
    connection: QueryRunner,
    run: ArchiveRunContext,
    target: ArchiveDay,
    paths: ArchivePaths,
    fileCommitting: boolean,
  ): Promise<void> {
    if (connection.isTransactionActive) {
      // A broken connection cannot roll back, but its server-side transaction ends with it.
      await connection.rollbackTransaction().catch(() => undefined);
    }
    if (!fileCommitting || (await this.stillStored(run, target))) {
      await removeArchive(paths);
    } else {
      this.logger.warn(
        { day: target.day, runId: run.runId, file: paths.file },
        'Committing an archived day failed and its rows may be gone: its archive file is kept',
      );
    }
  }

  /** True when the day's expired rows are certainly still stored; false when gone or unknown. */
  private async stillStored(run: ArchiveRunContext, target: ArchiveDay): Promise<boolean> {
    try {
      const [{ exists }] = await this.dataSource.query(
        `SELECT to_regclass($1) IS NOT NULL AS exists`,
        [target.table],
      );
      if (!exists) return false;
      const parameters = new SqlConditions();
      const [{ stored }] = await this.dataSource.query(
        `SELECT EXISTS (SELECT 1 FROM "${target.table}"
           WHERE ${expiredOfDaySql(run, target, parameters)}) AS stored`,
        parameters.params,
      );
      return stored;
    } catch {
      return false;
    }
  }
}
