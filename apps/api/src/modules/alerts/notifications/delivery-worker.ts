import { Injectable, Logger } from '@nestjs/common';
import { RequestContext } from '../../../common/context/request-context';
import { ContactPointSenders } from '../channels/contact-point-senders';
import type { ContactPoint, DeliveryOutcome } from '../channels/contact-point';
import { ContactPointsService } from '../contact-points/contact-points.service';
import { ClaimedDelivery, DeliveriesStore } from './deliveries.store';
import { retryAt } from './retry-schedule';

/** Deliveries claimed at a time. */
const BATCH = 10;
/**
 * How long claimed deliveries are left alone by other workers: longer than a batch of attempts
 * at their timeout (15 s), so a lease never ends while its worker is still on it.
 */
const LEASE_MS = 5 * 60_000;

export interface AttemptResult {
  deliveryId: string;
  outcome: DeliveryOutcome;
}

/**
 * Attempts due deliveries: each through its contact point's sender, under the trace of the
 * evaluation that made it. A 2xx marks it sent at once; a failure is retried with backoff
 * (retry-schedule.ts) unless it cannot succeed; a 410 Gone disables the contact point.
 */
@Injectable()
export class DeliveryWorker {
  private readonly logger = new Logger('Alerting');

  constructor(
    private readonly deliveries: DeliveriesStore,
    private readonly contactPoints: ContactPointsService,
    private readonly senders: ContactPointSenders,
    private readonly context: RequestContext,
  ) {}

  /**
   * Attempts the deliveries due at `now` (only `ids` when given), retries included, until none
   * is left or `signal` aborts (the application shutting down): a delivery claimed but not
   * attempted is taken up again when its lease ends.
   */
  async deliverDue(
    now: Date,
    ids?: readonly string[],
    signal?: AbortSignal,
  ): Promise<AttemptResult[]> {
    const results: AttemptResult[] = [];
    for (;;) {
      const claimed = await this.deliveries.claim(now, BATCH, LEASE_MS, ids);
      const points = await this.pointsOf(claimed);
      for (const delivery of claimed) {
        if (signal?.aborted) return results;
        const point = points.get(delivery.channelId);
        const outcome = await this.context.runInTrace(
          () => this.attempt(delivery, point, now),
          delivery.traceId ?? undefined,
        );
        results.push({ deliveryId: delivery.id, outcome });
        // Disabled now: the rest of this batch must not post to it either.
        if (outcome.gone) points.delete(delivery.channelId);
      }
      if (claimed.length < BATCH) return results;
    }
  }

  private async pointsOf(claimed: readonly ClaimedDelivery[]): Promise<Map<string, ContactPoint>> {
    const ids = [...new Set(claimed.map((delivery) => delivery.channelId))];
    const usable = ids.length === 0 ? [] : await this.contactPoints.usable(ids);
    return new Map(usable.map((point) => [point.id, point]));
  }

  private async attempt(
    delivery: ClaimedDelivery,
    point: ContactPoint | undefined,
    now: Date,
  ): Promise<DeliveryOutcome> {
    const outcome: DeliveryOutcome = point
      ? await this.send(point, delivery)
      : { status: 'failed', error: 'The contact point was deleted or disabled', permanent: true };
    if (outcome.status === 'sent') {
      await this.deliveries.markSent(delivery.id, new Date(), outcome.responseCode ?? null);
      return outcome;
    }
    const attempt = delivery.attempts + 1;
    // A test notification is answered at once: one attempt, no retries.
    const again =
      outcome.permanent || outcome.gone || delivery.kind === 'test'
        ? null
        : retryAt(attempt, now, outcome.retryAfterMs);
    await this.deliveries.markFailed(delivery.id, now, {
      responseCode: outcome.responseCode ?? null,
      error: outcome.error ?? 'Delivery failed',
      retryAt: again,
    });
    if (outcome.gone && point) {
      await this.contactPoints.disable(point.id, 'The receiver answered 410 Gone');
      this.logger.warn({ contactPointId: point.id }, 'Contact point disabled: 410 Gone');
    }
    this.logger.warn(
      { deliveryId: delivery.id, attempt, responseCode: outcome.responseCode, retryAt: again },
      `Alert delivery failed: ${outcome.error ?? 'no reason given'}`,
    );
    return outcome;
  }

  private async send(point: ContactPoint, delivery: ClaimedDelivery): Promise<DeliveryOutcome> {
    try {
      return await this.senders.send(point, delivery.recipient, delivery.message, {
        deliveryId: delivery.id,
        attempt: delivery.attempts + 1,
      });
    } catch (error) {
      // Senders answer failures as outcomes; anything thrown is a defect, retried like a failure.
      this.logger.error({ err: error, deliveryId: delivery.id }, 'Alert sender threw');
      return { status: 'failed', error: 'Unexpected error while sending' };
    }
  }
}
