import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  ConflictError,
  InvalidRequestError,
  NotFoundError,
} from '../../../common/errors/domain-errors';
import { translateConstraintError } from '../../../common/errors/postgres-errors';
import { UserContext } from '../../../database/user-context';
import { ContactPointsService } from '../contact-points/contact-points.service';
import { AlertInstancesStore } from '../evaluation/alert-instances.store';
import type { InstanceRecord } from '../evaluation/rule-evaluation';
import { AlertRulesStore, StoredRule } from './alert-rules.store';
import type { AlertRuleInputDto } from './dto/alert-rule-input.dto';
import { KnownRoutes } from './known-routes';
import { RuleDraft, ruleProblems } from './rule-problems';

/** A rule body as the store takes it: absent filters dropped, defaults applied. */
export function draftOf(input: AlertRuleInputDto): RuleDraft {
  const filters = Object.fromEntries(
    Object.entries(input.filters ?? {}).filter(([, value]) => value !== undefined),
  );
  return {
    name: input.name,
    description: input.description,
    severity: input.severity,
    labels: input.labels,
    annotations: input.annotations,
    enabled: input.enabled,
    metricType: input.metricType,
    filters,
    groupBy: input.groupBy ?? null,
    operator: input.operator,
    threshold: input.threshold,
    windowSeconds: input.windowSeconds,
    intervalSeconds: input.intervalSeconds,
    pendingSeconds: input.pendingSeconds,
    keepFiringSeconds: input.keepFiringSeconds,
    noDataState: input.noDataState,
    notification: { ...input.notification },
  };
}

const NAME_TAKEN = 'uq_alert_configs_name';

/** Creating, replacing and deleting rules, each checked as a whole before anything is written. */
@Injectable()
export class AlertRulesService {
  constructor(
    private readonly store: AlertRulesStore,
    private readonly userContext: UserContext,
    private readonly contactPoints: ContactPointsService,
    private readonly routes: KnownRoutes,
    private readonly instances: AlertInstancesStore,
  ) {}

  list(): Promise<StoredRule[]> {
    return this.store.list();
  }

  async get(id: string): Promise<StoredRule> {
    const rule = await this.store.find(id);
    if (!rule) throw new NotFoundError('No alert rule with this ID');
    return rule;
  }

  /** A rule's instances as last evaluated. */
  async instancesOf(id: string): Promise<InstanceRecord[]> {
    return (await this.instancesOfRules([id])).get(id) ?? [];
  }

  /** Per rule ID, its instances as last evaluated, by key. */
  async instancesOfRules(ids: readonly string[]): Promise<Map<string, InstanceRecord[]>> {
    const byRule = await this.instances.load(ids);
    return new Map(
      ids.map((id) => [
        id,
        [...(byRule.get(id)?.values() ?? [])].sort((a, b) => a.key.localeCompare(b.key)),
      ]),
    );
  }

  /** Refuses an impossible rule with field-level messages (400). */
  async check(draft: RuleDraft, manager?: EntityManager): Promise<void> {
    const problems = ruleProblems(draft, this.routes.list());
    const contactPoints = await this.contactPoints.problemsWith(
      draft.notification.contactPointIds,
      manager,
    );
    if (contactPoints.length > 0) problems['notification.contactPointIds'] = contactPoints;
    if (Object.keys(problems).length > 0) {
      throw new InvalidRequestError('The rule cannot be evaluated as written', problems);
    }
  }

  async create(input: AlertRuleInputDto): Promise<StoredRule> {
    const draft = draftOf(input);
    const id = await this.write(async (manager) => {
      await this.check(draft, manager);
      return this.store.insert(manager, draft);
    });
    return this.get(id);
  }

  async replace(id: string, input: AlertRuleInputDto): Promise<StoredRule> {
    const draft = draftOf(input);
    await this.write(async (manager) => {
      await this.check(draft, manager);
      if (!(await this.store.replace(manager, id, draft))) {
        throw new NotFoundError('No alert rule with this ID');
      }
    });
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const removed = await this.userContext.runAsAdmin((manager) =>
      this.store.softDelete(manager, id),
    );
    if (!removed) throw new NotFoundError('No alert rule with this ID');
  }

  private write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.userContext.runAsAdmin(work).catch((error: unknown) =>
      translateConstraintError(error, {
        [NAME_TAKEN]: () =>
          new ConflictError('An alert rule with this name exists', {
            name: ['another rule already has this name'],
          }),
      }),
    );
  }
}
