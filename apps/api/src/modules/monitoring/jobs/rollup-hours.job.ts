import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ExclusiveJobs, JobOutcome } from '../../../common/jobs/exclusive-jobs';
import { MetricsRollupService } from '../rollup/metrics-rollup.service';

export const ROLLUP_HOURS_JOB = 'metrics-rollup-1h';

/** Every 5 minutes: hour rows from the 5-minute rows. */
@Injectable()
export class RollupHoursJob {
  constructor(
    private readonly jobs: ExclusiveJobs,
    private readonly rollups: MetricsRollupService,
  ) {}

  // Half a minute past, so that minute's 5-minute rollup has run.
  @Cron('30 */5 * * * *', { name: ROLLUP_HOURS_JOB })
  run(): Promise<JobOutcome> {
    return this.jobs.run(ROLLUP_HOURS_JOB, () => this.rollups.rollUp('1h'));
  }
}
