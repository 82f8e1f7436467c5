import { Injectable, Logger } from '@nestjs/common';
import { appendFile, mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { ClusterCron } from '../../../common/jobs/cluster-cron.decorator';
import { AppConfig } from '../../../config/app-config';
import { chainHead, GENESIS_HASH } from '../audit-chain.store';
import { AnchorVerificationDto, AuditAnchorDto } from '../dto/audit-anchor.dto';
import { chainRowsUpTo, changeHash, newestBoundary } from './audit-partitions.store';

export const AUDIT_ANCHOR_JOB = 'audit-anchor';

/**
 * Daily anchors of the hash chain outside the database: the head hash, the row count and the
 * time, written to the logs and appended to `ARCHIVE_DIR/audit/anchors.ndjson`. The chain alone
 * cannot reveal a rewrite by someone able to recompute every later hash (a database superuser);
 * an anchor kept elsewhere can: the anchored row's hash, or the number of rows up to it, no
 * longer matches.
 */
@Injectable()
export class AuditAnchors {
  private readonly logger = new Logger(AuditAnchors.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  get file(): string {
    return join(this.config.ARCHIVE_DIR, 'audit', 'anchors.ndjson');
  }

  /**
   * Daily: checks the chain against the anchors so far, then anchors its head. A mismatch fails
   * the job (reported as an error) and writes no new anchor over a rewritten history.
   */
  @ClusterCron('0 45 3 * * *', AUDIT_ANCHOR_JOB)
  async anchorDaily(): Promise<void> {
    const verification = await this.verify();
    if (!verification.ok) {
      throw new Error(`The audit chain disagrees with its anchors: ${describe(verification)}`);
    }
    await this.anchor();
  }

  /** Appends the chain's current head as an anchor (and logs it). */
  async anchor(): Promise<AuditAnchorDto> {
    const anchor = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const head = await chainHead(manager);
      const lastChangeId = head?.last_change_id ?? null;
      return {
        at: new Date().toISOString(),
        lastChangeId,
        headHash: head?.last_hash ?? GENESIS_HASH,
        rows: lastChangeId === null ? 0 : await chainRowsUpTo(manager, lastChangeId),
      };
    });
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify(anchor)}\n`);
    await syncFile(this.file);
    this.logger.log({ auditAnchor: anchor }, 'Audit chain anchored');
    return anchor;
  }

  /** Compares every anchor of the anchors file with the chain as stored now, in one snapshot. */
  verify(): Promise<AnchorVerificationDto> {
    return this.dataSource.transaction('REPEATABLE READ', (manager) => this.compare(manager));
  }

  private async compare(manager: EntityManager): Promise<AnchorVerificationDto> {
    const anchors = await this.readAnchors();
    const boundary = await newestBoundary(manager);
    const archivedUpTo = BigInt(boundary?.boundary_change_id ?? '0');
    let checked = 0;
    let skipped = 0;
    let confirmed: string | null = null;
    for (const [index, anchor] of anchors.entries()) {
      const rowId = anchor.lastChangeId;
      if (rowId === null || BigInt(rowId) < archivedUpTo) {
        skipped += 1;
        continue;
      }
      const storedHash =
        BigInt(rowId) === archivedUpTo && boundary
          ? boundary.boundary_hash
          : ((await changeHash(manager, rowId)) ?? null);
      const storedRows = await chainRowsUpTo(manager, rowId);
      const reason =
        storedHash !== anchor.headHash
          ? storedHash === null
            ? 'The anchored row is gone'
            : 'The anchored row has another hash: it or a row before it was rewritten'
          : storedRows !== anchor.rows
            ? 'The chain holds another number of rows up to the anchored row'
            : undefined;
      if (reason) {
        return {
          ok: false,
          checked,
          skipped,
          mismatch: {
            line: index + 1,
            anchor,
            rowId,
            storedHash,
            storedRows,
            afterRowId: confirmed,
            reason,
          },
        };
      }
      confirmed = rowId;
      checked += 1;
    }
    return { ok: true, checked, skipped };
  }

  private async readAnchors(): Promise<AuditAnchorDto[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as AuditAnchorDto);
  }
}

/** One line on a failed verification: which anchor, which rows. */
export function describe(verification: AnchorVerificationDto): string {
  const mismatch = verification.mismatch;
  if (!mismatch) return 'every anchor matches';
  return (
    `anchor on line ${mismatch.line} (${mismatch.anchor.at}) for row ${mismatch.rowId}: ` +
    `${mismatch.reason}; rows after ${mismatch.afterRowId ?? 'the start'} up to ` +
    `${mismatch.rowId} were changed`
  );
}

/** Makes an append survive a crash. */
async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
