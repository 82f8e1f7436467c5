import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestContext } from '../../../common/context/request-context';
import { AppConfig } from '../../../config/app-config';
import { alertLabels } from '../channels/alertmanager-payload';
import { ContactPointSenders } from '../channels/contact-point-senders';
import type { ContactPoint } from '../channels/contact-point';
import { ContactPointsService } from '../contact-points/contact-points.service';
import { AlertInstancesStore } from '../evaluation/alert-instances.store';
import { isAlerting } from '../evaluation/instance-state';
import type { InstanceRecord } from '../evaluation/rule-evaluation';
import type { AlertRule } from '../rules/alert-rule';
import { AlertRulesStore } from '../rules/alert-rules.store';
import { silenceMatches } from '../silences/silence-matcher';
import { SilencesService } from '../silences/silences.service';
import { GroupNotification, GroupState, IDLE_GROUP, stepGroup } from './alert-group';
import { AlertGroupsStore } from './alert-groups.store';
import { alertMessage } from './alert-message';
import { DeliveriesStore, NewDelivery } from './deliveries.store';

/**
 * Steps every rule's notification group (alert-group.ts) and turns what is to be said into
 * deliveries, one per contact point and recipient: pending ones for the delivery worker, and
 * `silenced` records for instances a silence muted.
 */
@Injectable()
export class AlertNotifier {
  constructor(
    private readonly rules: AlertRulesStore,
    private readonly instances: AlertInstancesStore,
    private readonly groups: AlertGroupsStore,
    private readonly silences: SilencesService,
    private readonly contactPoints: ContactPointsService,
    private readonly senders: ContactPointSenders,
    private readonly deliveries: DeliveriesStore,
    private readonly context: RequestContext,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  /** Steps the groups of every rule with alerts or a group under way; returns deliveries made. */
  async flush(now: Date): Promise<number> {
    const ruleIds = [
      ...new Set([
        ...(await this.instances.alertingRuleIds()),
        ...(await this.groups.activeRuleIds()),
      ]),
    ];
    if (ruleIds.length === 0) return 0;
    const [rules, instances, groups, silences] = await Promise.all([
      this.rules.byIds(ruleIds),
      this.instances.load(ruleIds),
      this.groups.load(ruleIds),
      this.silences.activeAt(now),
    ]);
    const said: {
      rule: AlertRule;
      notification: GroupNotification;
      status: NewDelivery['status'];
    }[] = [];
    const next = new Map<string, GroupState>();
    for (const rule of rules) {
      const records = instances.get(rule.id) ?? new Map<string, InstanceRecord>();
      // A disabled or deleted rule alerts no more: its group resolves what it had said.
      const alerting = new Set(
        rule.enabled
          ? [...records.values()].filter((i) => isAlerting(i.state)).map((i) => i.key)
          : [],
      );
      const isSilenced = (key: string) => {
        const labels = alertLabels(rule, records.get(key)?.labels ?? {});
        return silences.some((silence) => silenceMatches(silence, rule.id, labels));
      };
      const step = stepGroup(
        rule.notification,
        groups.get(rule.id) ?? IDLE_GROUP,
        alerting,
        isSilenced,
        now,
      );
      if (step.notification)
        said.push({ rule, notification: step.notification, status: 'pending' });
      if (step.silenced.length > 0) {
        const muted = { kind: 'firing' as const, firing: step.silenced, resolved: [] };
        said.push({ rule, notification: muted, status: 'silenced' });
      }
      next.set(rule.id, step.state);
    }
    // One lookup of the contact points for everything this step has to say.
    const points = new Map(
      (
        await this.contactPoints.usable([
          ...new Set(said.flatMap(({ rule }) => rule.notification.contactPointIds)),
        ])
      ).map((point) => [point.id, point]),
    );
    const made = said.flatMap(({ rule, notification, status }) =>
      this.deliveriesOf(
        rule,
        notification,
        instances.get(rule.id) ?? new Map(),
        rule.notification.contactPointIds.flatMap((id) => points.get(id) ?? []),
        status,
        now,
      ),
    );
    // Together: a group never counts as notified without its deliveries, nor the reverse.
    await this.dataSource.transaction(async (manager) => {
      await this.groups.saveAll(next, manager);
      await this.deliveries.insert(made, now, manager);
    });
    return made.length;
  }

  private deliveriesOf(
    rule: AlertRule,
    notification: GroupNotification,
    records: ReadonlyMap<string, InstanceRecord>,
    points: readonly ContactPoint[],
    status: NewDelivery['status'],
    now: Date,
  ): NewDelivery[] {
    const pick = (keys: readonly string[]) =>
      keys.map((key) => records.get(key)).filter((record) => record !== undefined);
    const firing = pick(notification.firing);
    const resolved = pick(notification.resolved);
    const message = alertMessage(
      rule,
      notification.kind,
      { firing, resolved },
      this.config.PUBLIC_URL,
      now,
    );
    const historyIds = [...firing, ...resolved]
      .map((record) => record.historyId)
      .filter((id) => id !== null);
    return points.flatMap((point) =>
      this.recipientsOf(point).map((recipient) => ({
        ruleId: rule.id,
        channelId: point.id,
        channelType: point.type,
        recipient,
        kind: notification.kind,
        historyIds,
        message,
        status,
        traceId: this.context.traceId ?? null,
      })),
    );
  }

  private recipientsOf(point: ContactPoint): string[] {
    return this.senders.recipientsOf(point);
  }
}
