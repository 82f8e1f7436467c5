import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ExclusiveJobs, JobOutcome } from '../../../common/jobs/exclusive-jobs';
import { ExceptionRetentionService } from '../storage/exception-retention.service';

export const EXCEPTION_RETENTION_JOB = 'exception-retention';

/** Daily, in one instance at a time: exception occurrences past EXCEPTION_RETENTION_DAYS go. */
@Injectable()
export class ExceptionRetentionJob {
  private readonly logger = new Logger('Exceptions');

  constructor(
    private readonly jobs: ExclusiveJobs,
    private readonly retention: ExceptionRetentionService,
  ) {}

  @Cron('0 20 3 * * *', { name: EXCEPTION_RETENTION_JOB })
  run(): Promise<JobOutcome> {
    return this.jobs.run(EXCEPTION_RETENTION_JOB, async (signal) => {
      const result = await this.retention.apply(signal);
      this.logger.log(result, 'Exception retention applied');
    });
  }
}
