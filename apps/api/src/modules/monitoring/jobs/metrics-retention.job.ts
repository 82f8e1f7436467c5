import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ExclusiveJobs, JobOutcome } from '../../../common/jobs/exclusive-jobs';
import { MetricsRetentionService } from '../rollup/metrics-retention.service';

export const METRICS_RETENTION_JOB = 'metrics-retention';

/** Daily: metric rows and slow samples past their retention are removed. */
@Injectable()
export class MetricsRetentionJob {
  private readonly logger = new Logger('Metrics');

  constructor(
    private readonly jobs: ExclusiveJobs,
    private readonly retention: MetricsRetentionService,
  ) {}

  @Cron('0 40 3 * * *', { name: METRICS_RETENTION_JOB })
  run(): Promise<JobOutcome> {
    return this.jobs.run(METRICS_RETENTION_JOB, async () => {
      const removed = await this.retention.apply();
      this.logger.log({ removed }, 'Metrics retention applied');
    });
  }
}
