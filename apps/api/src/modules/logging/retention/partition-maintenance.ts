import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { ClusterCron } from '../../../common/jobs/cluster-cron.decorator';
import { AppConfig } from '../../../config/app-config';
import { ensureDayPartitions } from './log-partitions.store';

const PARTITIONS_JOB = 'app-logs-partitions';

/** Startup waits this long at most for the partitions; past it they are made in the background. */
const STARTUP_WAIT_MS = 5000;

/** Resolves when `work` settles or `ms` have passed, whichever comes first. */
async function waitAtMost(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([work, timeout]);
  clearTimeout(timer);
}

/**
 * Keeps the day partitions of `app_logs` from yesterday to LOG_PARTITIONS_AHEAD_DAYS ahead (UTC):
 * at startup, whether or not this instance runs jobs, so a fresh database has them at once, and
 * then hourly. A log for a day without a partition (e.g. an old browser entry) makes its day
 * when it is written (`AppLogWriter`).
 */
@Injectable()
export class PartitionMaintenance implements OnApplicationBootstrap {
  private readonly logger = new Logger(PartitionMaintenance.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await waitAtMost(this.ensurePartitions(), STARTUP_WAIT_MS);
  }

  /** Never rejects: a failure is logged by the job runner. */
  @ClusterCron(CronExpression.EVERY_HOUR, PARTITIONS_JOB)
  async ensurePartitions(): Promise<void> {
    const created = await ensureDayPartitions(
      this.dataSource,
      this.config.LOG_PARTITIONS_AHEAD_DAYS,
    );
    if (created > 0) this.logger.log(`Created ${created} day partitions of app_logs`);
  }
}
