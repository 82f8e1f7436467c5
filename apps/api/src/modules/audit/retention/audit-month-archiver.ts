import { Injectable } from '@nestjs/common';
import { basename } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import {
  archivePathsIn,
  ArchivePaths,
  placeArchive,
  removeArchive,
  writeVerifiedArchive,
} from '../../../common/archive/verified-archive';
import { FileDigest } from '../../../common/archive/gzip-ndjson';
import { AppConfig } from '../../../config/app-config';
import {
  AUDIT_TABLES,
  AuditTable,
  dropArchivedMonth,
  lockMonth,
  Month,
  monthChanges,
  MonthCursor,
  monthEvents,
  monthLines,
} from './audit-partitions.store';

/** Rows read per query while archiving: memory stays flat however large a month is. */
const READ_CHUNK_ROWS = 1000;

/** Written next to each file of an archived month: enough to check it without the database. */
export interface AuditArchiveManifest {
  table: AuditTable;
  month: Month;
  file: string;
  rows: number;
  sha256: string;
  bytes: number;
  /** `audit_changes`: first and last in chain order; `audit_events`: by time. */
  firstId: string | null;
  lastId: string | null;
  /** `audit_changes` only: the hash before its first row and the hash of its last row. */
  previousHash?: string;
  boundaryHash?: string;
  createdAt: string;
}

/** `audit/YYYY/<table>-YYYY-MM.ndjson.gz` (and its manifest) under ARCHIVE_DIR. */
export function auditArchivePaths(
  archiveDir: string,
  table: AuditTable,
  month: Month,
): ArchivePaths {
  return archivePathsIn(archiveDir, `audit/${month.slice(0, 4)}`, `${table}-${month.slice(0, 7)}`);
}

/**
 * Archives one whole month of the audit trail and drops it, in one transaction that locks the
 * month's partitions against writes: each table's rows go to a gzip NDJSON file read back and
 * verified, then to its manifest; only then `audit_drop_archived_month` records the month (with
 * the chain hash at its end) and drops its partitions. Files of a month whose drop fails are
 * deleted again.
 */
@Injectable()
export class AuditMonthArchiver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async archive(month: Month, previousHash: string, signal: AbortSignal): Promise<string> {
    const paths = (Object.keys(AUDIT_TABLES) as AuditTable[]).map((table) => ({
      table,
      paths: auditArchivePaths(this.config.ARCHIVE_DIR, table, month),
    }));
    let committing = false;
    try {
      return await this.dataSource.transaction(async (transaction) => {
        await lockMonth(transaction, month);
        const changes = await monthChanges(transaction, month);
        const events = await monthEvents(transaction, month);
        const boundaryHash = changes.last_hash ?? previousHash;
        const manifests: AuditArchiveManifest[] = [];
        for (const { table, paths: filePaths } of paths) {
          const counted = table === 'audit_changes' ? changes.changes_rows : events.rows;
          const rows = Number(counted);
          const digest = await writeVerifiedArchive(
            filePaths,
            this.lines(transaction, table, month, signal),
            rows,
          );
          manifests.push(
            await this.place(filePaths, table, month, rows, digest, {
              firstId: table === 'audit_changes' ? changes.first_change_id : events.first_id,
              lastId: table === 'audit_changes' ? changes.last_change_id : events.last_id,
              ...(table === 'audit_changes' && { previousHash, boundaryHash }),
            }),
          );
        }
        await dropArchivedMonth(transaction, month, boundaryHash, { files: manifests });
        committing = true;
        return boundaryHash;
      });
    } catch (error) {
      // A failed COMMIT may have gone through: then the files are the only copy, keep them.
      if (!committing) await Promise.all(paths.map(({ paths: p }) => removeArchive(p)));
      throw error;
    }
  }

  private async place(
    paths: ArchivePaths,
    table: AuditTable,
    month: Month,
    rows: number,
    digest: FileDigest,
    ids: Pick<AuditArchiveManifest, 'firstId' | 'lastId' | 'previousHash' | 'boundaryHash'>,
  ): Promise<AuditArchiveManifest> {
    const manifest: AuditArchiveManifest = {
      table,
      month,
      file: basename(paths.data),
      rows,
      ...digest,
      ...ids,
      createdAt: new Date().toISOString(),
    };
    await placeArchive(paths, manifest);
    return manifest;
  }

  /** The month's rows of `table` as NDJSON lines, in keyset chunks. */
  private async *lines(
    transaction: EntityManager,
    table: AuditTable,
    month: Month,
    signal: AbortSignal,
  ): AsyncGenerator<string> {
    let after: MonthCursor | undefined;
    for (;;) {
      signal.throwIfAborted();
      const rows = await monthLines(transaction, table, month, READ_CHUNK_ROWS, after);
      for (const row of rows) yield `${row.line}\n`;
      if (rows.length < READ_CHUNK_ROWS) return;
      const last = rows[rows.length - 1];
      after = { at: last.at, id: last.id };
    }
  }
}
