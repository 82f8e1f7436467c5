import { Injectable } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';
import { NotFoundError } from '../../../common/errors/domain-errors';
import { ArchivedFile, ArchiveRunTrigger } from './archive-run';
import { ArchiveRunDto, ArchiveRunRow } from './dto/archive-run.dto';

const COLUMNS = `id::text AS id, trigger, requested_by AS "requestedBy", status,
  started_at AS "startedAt", finished_at AS "finishedAt", partitions_dropped AS "partitionsDropped",
  rows_archived::text AS "rowsArchived", files, error`;

/** What archiving one day changed. */
export interface DayProgress {
  file?: ArchivedFile;
  dropped: boolean;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The record of archive runs (`archive_runs`): opened, updated day by day, finished, read. */
@Injectable()
export class ArchiveRunsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records a new run. Called while holding the archive job's lock, so a run still marked
   * running was cut short (its instance stopped): it is marked failed first.
   */
  async open(trigger: ArchiveRunTrigger, requestedBy: string | null): Promise<ArchiveRunDto> {
    await this.dataSource.query(
      `UPDATE archive_runs SET status = 'failed', finished_at = now(), error = $1
       WHERE status = 'running'`,
      ['Interrupted: the instance running it stopped'],
    );
    const [row] = await this.dataSource.query(
      `INSERT INTO archive_runs (trigger, requested_by) VALUES ($1, $2) RETURNING ${COLUMNS}`,
      [trigger, requestedBy],
    );
    return ArchiveRunDto.from(row);
  }

  /** Adds one day's outcome to the run, inside that day's transaction (`connection`). */
  async recordDay(connection: QueryRunner, runId: string, progress: DayProgress): Promise<void> {
    await connection.query(
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
    await this.dataSource.query(
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
    const rows: ArchiveRunRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM archive_runs ORDER BY started_at DESC, id DESC OFFSET $1 LIMIT $2`,
      [window.offset, window.limit],
    );
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM archive_runs`,
    );
    return { items: rows.map(ArchiveRunDto.from), total };
  }

  async get(id: string): Promise<ArchiveRunDto> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM archive_runs WHERE id = $1`, [
      id,
    ]);
    if (!row) throw new NotFoundError('No archive run with this ID');
    return ArchiveRunDto.from(row);
  }
}
