import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AppConfig } from '../../../config/app-config';
import { archivePathsOf, ArchivePaths } from './archive-layout';
import { placeArchive, removeArchive, writeVerifiedArchive } from './archive-files';
import { ArchiveDay, ArchivedFile } from './archive-run';
import { ArchiveRunsStore } from './archive-runs.store';
import {
  countDay,
  DayCounts,
  deleteExpired,
  expiredLines,
  ExpiredRowsCursor,
  expiredStillStored,
  Expiry,
} from './expired-logs.store';
import { dropPartition, lockPartition, partitionExists, recountDay } from './log-partitions.store';

/** Rows read per query while archiving: memory stays flat however large a day is. */
const READ_CHUNK_ROWS = 1000;

/** What every day of one run shares. */
export interface ArchiveRunContext extends Expiry {
  runId: string;
  /** Aborts when the application shuts down. */
  signal: AbortSignal;
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
    private readonly runs: ArchiveRunsStore,
  ) {}

  async archive(run: ArchiveRunContext, target: ArchiveDay): Promise<void> {
    const paths = archivePathsOf(this.config.ARCHIVE_DIR, target.day, run.runId);
    const connection = this.dataSource.createQueryRunner();
    const transaction = connection.manager;
    let file: ArchivedFile | undefined;
    let committing = false;
    try {
      await connection.startTransaction();
      await lockPartition(transaction, target.table);
      const counts = await countDay(transaction, target, run);
      if (counts.expired > 0) file = await this.write(transaction, run, target, counts, paths);
      const dropped = counts.expired === counts.total;
      if (dropped) await dropPartition(transaction, target.table);
      else if (file) await this.deleteExpired(transaction, run, target, counts.expired);
      // Neither dropping nor deleting from a partition updates the parent's hourly rollups.
      if (counts.expired > 0) await recountDay(transaction, target.day);
      if (file || dropped) await this.runs.recordDay(transaction, run.runId, { file, dropped });
      committing = true;
      await connection.commitTransaction();
    } catch (error) {
      await this.undo(connection, run, target, paths, committing && file !== undefined);
      throw error;
    } finally {
      await connection.release();
    }
  }

  /** Writes, verifies and places the archive of the day's expired rows. */
  private async write(
    transaction: EntityManager,
    run: ArchiveRunContext,
    target: ArchiveDay,
    counts: DayCounts,
    paths: ArchivePaths,
  ): Promise<ArchivedFile> {
    const lines = this.expiredLines(transaction, run, target);
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

  /** The day's expired rows as NDJSON lines, oldest first, read in keyset chunks. */
  private async *expiredLines(
    transaction: EntityManager,
    run: ArchiveRunContext,
    target: ArchiveDay,
  ): AsyncGenerator<string> {
    let after: ExpiredRowsCursor | undefined;
    for (;;) {
      run.signal.throwIfAborted();
      const rows = await expiredLines(transaction, target, run, READ_CHUNK_ROWS, after);
      for (const row of rows) yield `${row.line}\n`;
      if (rows.length < READ_CHUNK_ROWS) return;
      const last = rows[rows.length - 1];
      after = { logged_at: last.logged_at, id: last.id };
    }
  }

  private async deleteExpired(
    transaction: EntityManager,
    run: ArchiveRunContext,
    target: ArchiveDay,
    archived: number,
  ): Promise<void> {
    const deleted = await deleteExpired(transaction, target, run);
    if (deleted !== archived) {
      throw new Error(`Deleting ${target.day} removed ${deleted} rows, ${archived} were archived`);
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
      if (!(await partitionExists(this.dataSource, target.table))) return false;
      return await expiredStillStored(this.dataSource, target, run);
    } catch {
      return false;
    }
  }
}
