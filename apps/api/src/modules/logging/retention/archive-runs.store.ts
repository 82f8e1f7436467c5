import { Injectable } from '@nestjs/common';
import type { ArchiveRunStatus } from '@ledgerlens/contracts';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../../../common/errors/domain-errors';
import type { ArchiveRunsTable } from '../../../database/generated/db-tables';
import { execute, Narrowed, oneRowOf, Queryable, rowsOf } from '../../../database/typed-rows';
import { ArchivedFile, ArchiveRunTrigger } from './archive-run';
import { ArchiveRunDto } from './dto/archive-run.dto';

/** A row of `archive_runs` with what its checks and our own writes promise. */
type ArchiveRunRow = Narrowed<
  ArchiveRunsTable,
  { trigger: ArchiveRunTrigger; status: ArchiveRunStatus; files: ArchivedFile[] }
>;

const COLUMNS = `id, trigger, requested_by, status, started_at, finished_at, partitions_dropped,
  rows_archived, files, error`;

function runOf(row: ArchiveRunRow): ArchiveRunDto {
  return {
    id: row.id,
    trigger: row.trigger,
    requestedBy: row.requested_by,
    status: row.status,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    partitionsDropped: row.partitions_dropped,
    rowsArchived: Number(row.rows_archived),
    files: row.files,
    error: row.error,
  };
}

/** What archiving one day changed. */
export interface DayProgress {
  file?: ArchivedFile;
  dropped: boolean;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `archive_runs` in SQL: runs opened, updated day by day, finished, read. */
@Injectable()
export class ArchiveRunsStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records a new run. Called while holding the archive job's lock, so a run still marked
   * running was cut short (its instance stopped): it is marked failed first.
   */
  async open(trigger: ArchiveRunTrigger, requestedBy: string | null): Promise<ArchiveRunDto> {
    await execute(
      this.dataSource,
      `UPDATE archive_runs SET status = 'failed', finished_at = now(), error = $1
       WHERE status = 'running'`,
      ['Interrupted: the instance running it stopped'],
    );
    const [row] = await rowsOf<ArchiveRunRow>(
      this.dataSource,
      `INSERT INTO archive_runs (trigger, requested_by) VALUES ($1, $2) RETURNING ${COLUMNS}`,
      [trigger, requestedBy],
    );
    return runOf(row);
  }

  /** Adds one day's outcome to the run, inside that day's transaction (`db`). */
  async recordDay(db: Queryable, runId: string, progress: DayProgress): Promise<void> {
    await execute(
      db,
      `UPDATE archive_runs SET partitions_dropped = partitions_dropped + $2,
         rows_archived = rows_archived + $3, files = files || $4::jsonb
       WHERE id = $1`,
      [
        runId,
        progress.dropped ? 1 : 0,
        progress.file?.rows ?? 0,
        JSON.stringify(progress.file ? [progress.file] : []),
      ],
    );
  }

  /** Marks the run succeeded, or failed with `error`'s message. */
  async finish(runId: string, error?: unknown): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE archive_runs SET status = $2, error = $3, finished_at = now() WHERE id = $1`,
      [
        runId,
        error === undefined ? 'succeeded' : 'failed',
        error === undefined ? null : messageOf(error),
      ],
    );
  }

  /** One page of runs, newest first, and the number of all runs. */
  async page(window: {
    offset: number;
    limit: number;
  }): Promise<{ items: ArchiveRunDto[]; total: number }> {
    const rows = await rowsOf<ArchiveRunRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM archive_runs ORDER BY started_at DESC, id DESC OFFSET $1 LIMIT $2`,
      [window.offset, window.limit],
    );
    const [{ total }] = await rowsOf<{ total: number }>(
      this.dataSource,
      `SELECT count(*)::int AS total FROM archive_runs`,
    );
    return { items: rows.map(runOf), total };
  }

  async get(id: string): Promise<ArchiveRunDto> {
    const row = await oneRowOf<ArchiveRunRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM archive_runs WHERE id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError('No archive run with this ID');
    return runOf(row);
  }
}
