import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ExclusiveJobs, JobOutcome } from '../../common/jobs/exclusive-jobs';
import { AlertCycle } from './alert-cycle';

export const ALERT_EVALUATION_JOB = 'alert-evaluation';
export const ALERT_DELIVERY_JOB = 'alert-delivery';

/** Every 10 s, the shortest evaluation interval: each rule is evaluated when its own is due. */
const EVERY_10_SECONDS = '*/10 * * * * *';

/**
 * Alerting's schedule, one instance at a time across the cluster. Evaluation and delivery are
 * separate jobs, so a slow receiver delays other deliveries, never the next evaluation.
 */
@Injectable()
export class AlertJobs {
  constructor(
    private readonly jobs: ExclusiveJobs,
    private readonly cycle: AlertCycle,
  ) {}

  // Runs only with JOBS_ENABLED (the schedule module is not loaded otherwise).
  @Cron(EVERY_10_SECONDS, { name: ALERT_EVALUATION_JOB })
  evaluate(): Promise<JobOutcome> {
    return this.jobs.run(ALERT_EVALUATION_JOB, async () => {
      const { deliveriesMade } = await this.cycle.evaluate(new Date());
      // New notifications go out now rather than at the next tick (without waiting for them).
      if (deliveriesMade > 0) void this.deliver();
    });
  }

  @Cron(EVERY_10_SECONDS, { name: ALERT_DELIVERY_JOB })
  deliver(): Promise<JobOutcome> {
    return this.jobs.run(ALERT_DELIVERY_JOB, (signal) => this.cycle.deliver(new Date(), signal));
  }
}
