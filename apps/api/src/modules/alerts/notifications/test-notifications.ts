import { Injectable } from '@nestjs/common';
import { RequestContext } from '../../../common/context/request-context';
import { AppConfig } from '../../../config/app-config';
import { ContactPointSenders } from '../channels/contact-point-senders';
import type { AlertMessage, ContactPoint } from '../channels/contact-point';
import { ContactPointsService } from '../contact-points/contact-points.service';
import type { AlertRule } from '../rules/alert-rule';
import type { TestDeliveryResultDto } from '../history/dto/history.dto';
import { alertMessage } from './alert-message';
import { DeliveriesStore } from './deliveries.store';
import { DeliveryWorker } from './delivery-worker';

/** A rule that exists only to show what a contact point's notifications look like. */
function sampleRule(): AlertRule {
  return {
    id: '00000000-0000-4000-8000-000000000000',
    name: 'Test notification',
    description: 'Sent from Ledgerlens to check this contact point',
    severity: 'info',
    labels: {},
    annotations: { summary: 'If you can read this, the contact point works' },
    enabled: true,
    metricType: 'p95_latency_ms',
    filters: {},
    groupBy: null,
    operator: '>',
    threshold: 200,
    windowSeconds: 300,
    intervalSeconds: 60,
    pendingSeconds: 0,
    keepFiringSeconds: 0,
    noDataState: 'normal',
    notification: {
      contactPointIds: [],
      groupWaitSeconds: 30,
      groupIntervalSeconds: 300,
      repeatIntervalSeconds: 14_400,
      sendResolved: true,
    },
  };
}

/**
 * Test notifications, sent at once through each contact point and answered with each one's
 * result: one attempt, recorded like any delivery (kind `test`), never retried.
 */
@Injectable()
export class TestNotifications {
  constructor(
    private readonly contactPoints: ContactPointsService,
    private readonly senders: ContactPointSenders,
    private readonly deliveries: DeliveriesStore,
    private readonly worker: DeliveryWorker,
    private readonly context: RequestContext,
    private readonly config: AppConfig,
  ) {}

  /** Through every contact point of `rule`, naming the rule. */
  async forRule(rule: AlertRule): Promise<TestDeliveryResultDto[]> {
    const points = await this.contactPoints.usable(rule.notification.contactPointIds);
    return this.send(rule.id, points, this.messageOf(rule));
  }

  /** Through one contact point, with a sample alert. */
  async forContactPoint(point: ContactPoint): Promise<TestDeliveryResultDto[]> {
    return this.send(null, [point], this.messageOf(sampleRule()));
  }

  private messageOf(rule: AlertRule): AlertMessage {
    const now = new Date();
    const sample = {
      key: '',
      labels: {},
      state: 'firing' as const,
      value: rule.threshold,
      activeSince: now,
      firingSince: now,
      lastActiveAt: now,
      error: null,
      historyId: null,
    };
    return alertMessage(
      rule,
      'test',
      { firing: [sample], resolved: [] },
      this.config.PUBLIC_URL,
      now,
    );
  }

  private async send(
    ruleId: string | null,
    points: readonly ContactPoint[],
    message: AlertMessage,
  ): Promise<TestDeliveryResultDto[]> {
    const now = new Date();
    const planned = points.flatMap((point) =>
      this.senders.recipientsOf(point).map((recipient) => ({ point, recipient })),
    );
    const ids = await this.deliveries.insert(
      planned.map(({ point, recipient }) => ({
        ruleId,
        channelId: point.id,
        channelType: point.type,
        recipient,
        kind: 'test' as const,
        historyIds: [],
        message,
        status: 'pending' as const,
        traceId: this.context.traceId ?? null,
      })),
      now,
    );
    const attempts = await this.worker.deliverDue(now, ids);
    return ids.map((deliveryId, index) => {
      const { point, recipient } = planned[index];
      const outcome = attempts.find((attempt) => attempt.deliveryId === deliveryId)?.outcome;
      return {
        deliveryId,
        contactPointId: point.id,
        contactPointName: point.name,
        contactPointType: point.type,
        recipient: point.type === 'webhook' ? new URL(recipient).origin : recipient,
        status: outcome?.status ?? 'failed',
        responseCode: outcome?.responseCode ?? null,
        error: outcome?.error ?? (outcome ? null : 'Not attempted'),
      };
    });
  }
}
