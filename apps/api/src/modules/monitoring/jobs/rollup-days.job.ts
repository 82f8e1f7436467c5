import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ExclusiveJobs, JobOutcome } from '../../../common/jobs/exclusive-jobs';
import { MetricsRollupService } from '../rollup/metrics-rollup.service';

export const ROLLUP_DAYS_JOB = 'metrics-rollup-1d';

/** Hourly: day rows (UTC days) from the hour rows. */
@Injectable()
export class RollupDaysJob {
  constructor(
    private readonly jobs: ExclusiveJobs,
    private readonly rollups: MetricsRollupService,
  ) {}

  // Ten minutes past the hour, after the hour rollup of five past.
  @Cron('0 10 * * * *', { name: ROLLUP_DAYS_JOB })
  run(): Promise<JobOutcome> {
    return this.jobs.run(ROLLUP_DAYS_JOB, () => this.rollups.rollUp('1d'));
  }
}
