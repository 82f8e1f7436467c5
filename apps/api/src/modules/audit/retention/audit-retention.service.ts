import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClusterCron } from '../../../common/jobs/cluster-cron.decorator';
import { ExclusiveJobs } from '../../../common/jobs/exclusive-jobs';
import { AppConfig } from '../../../config/app-config';
import { GENESIS_HASH } from '../audit-chain.store';
import { AuditMonthArchiver } from './audit-month-archiver';
import {
  ensureMonthsAhead,
  monthsBefore,
  monthStartBefore,
  moveDefaultRows,
  newestBoundary,
} from './audit-partitions.store';

export const AUDIT_RETENTION_JOB = 'audit-retention';

/** Months of partitions kept made ahead of the current one. */
const MONTHS_AHEAD = 2;

/**
 * Daily, once across instances: makes the audit tables' partitions for the coming months (and
 * for months whose rows reached a DEFAULT partition), then — when AUDIT_RETENTION_MONTHS is
 * set — archives and drops every whole month older than the current one and the
 * AUDIT_RETENTION_MONTHS before it, oldest first.
 */
@Injectable()
export class AuditRetentionService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditRetentionService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly archiver: AuditMonthArchiver,
    private readonly jobs: ExclusiveJobs,
  ) {}

  /** Partitions ahead at startup too, so a new deployment never waits for the first night. */
  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.run(`${AUDIT_RETENTION_JOB}-partitions`, () => this.keepPartitionsAhead());
  }

  @ClusterCron('0 30 3 * * *', AUDIT_RETENTION_JOB)
  async runDaily(signal?: AbortSignal): Promise<void> {
    await this.run(signal ?? new AbortController().signal);
  }

  private async run(signal: AbortSignal): Promise<void> {
    await this.keepPartitionsAhead();
    const keep = this.config.AUDIT_RETENTION_MONTHS;
    if (keep === undefined) return;
    const before = await monthStartBefore(this.dataSource, keep);
    for (const month of await monthsBefore(this.dataSource, before)) {
      const boundary = await newestBoundary(this.dataSource);
      const hash = await this.archiver.archive(
        month,
        boundary?.boundary_hash ?? GENESIS_HASH,
        signal,
      );
      this.logger.log(
        { month, boundaryHash: hash },
        `Audit trail of ${month} archived and dropped`,
      );
    }
  }

  private async keepPartitionsAhead(): Promise<void> {
    await moveDefaultRows(this.dataSource);
    await ensureMonthsAhead(this.dataSource, MONTHS_AHEAD);
  }
}
