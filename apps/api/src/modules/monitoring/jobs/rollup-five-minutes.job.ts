import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { ExclusiveJobs, JobOutcome } from '../../../common/jobs/exclusive-jobs';
import { MetricsRollupService } from '../rollup/metrics-rollup.service';

export const ROLLUP_FIVE_MINUTES_JOB = 'metrics-rollup-5m';

/** Every minute: 5-minute rows from the minute rows of every instance (the open period included). */
@Injectable()
export class RollupFiveMinutesJob {
  constructor(
    private readonly jobs: ExclusiveJobs,
    private readonly rollups: MetricsRollupService,
  ) {}

  // Runs only with JOBS_ENABLED (the schedule module is not loaded otherwise).
  @Cron(CronExpression.EVERY_MINUTE, { name: ROLLUP_FIVE_MINUTES_JOB })
  run(): Promise<JobOutcome> {
    return this.jobs.run(ROLLUP_FIVE_MINUTES_JOB, () => this.rollups.rollUp('5m'));
  }
}
