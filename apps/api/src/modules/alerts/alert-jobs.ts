import { Injectable } from '@nestjs/common';
import { ClusterCron } from '../../common/jobs/cluster-cron.decorator';
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
  constructor(private readonly cycle: AlertCycle) {}

  @ClusterCron(EVERY_10_SECONDS, ALERT_EVALUATION_JOB)
  async evaluate(): Promise<void> {
    const { deliveriesMade } = await this.cycle.evaluate(new Date());
    // New notifications go out now rather than at the next tick (without waiting for them).
    if (deliveriesMade > 0) void this.deliver();
  }

  @ClusterCron(EVERY_10_SECONDS, ALERT_DELIVERY_JOB)
  async deliver(signal?: AbortSignal): Promise<void> {
    await this.cycle.deliver(new Date(), signal);
  }
}
