import { Injectable } from '@nestjs/common';
import { RequestContext } from '../../common/context/request-context';
import { AlertEvaluator } from './evaluation/alert-evaluator';
import { AlertNotifier } from './notifications/alert-notifier';
import { DeliveryWorker } from './notifications/delivery-worker';

export interface CycleSummary {
  rulesEvaluated: number;
  deliveriesMade: number;
}

/**
 * What alerting does on each tick, each step in a trace of its own: evaluate the due rules and
 * step the notification groups (their deliveries carry that trace, so a webhook's `traceparent`
 * leads back to the evaluation); and, separately, attempt the deliveries that are due.
 */
@Injectable()
export class AlertCycle {
  constructor(
    private readonly evaluator: AlertEvaluator,
    private readonly notifier: AlertNotifier,
    private readonly worker: DeliveryWorker,
    private readonly context: RequestContext,
  ) {}

  evaluate(now: Date): Promise<CycleSummary> {
    return this.context.runInTrace(async () => ({
      rulesEvaluated: await this.evaluator.evaluateDue(now),
      deliveriesMade: await this.notifier.flush(now),
    }));
  }

  async deliver(now: Date, signal?: AbortSignal): Promise<number> {
    return (await this.worker.deliverDue(now, undefined, signal)).length;
  }
}
