import type { TransactionType } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  BusinessRuleError,
  ConflictError,
  InvalidRequestError,
  NotFoundError,
} from '../../common/errors/domain-errors';
import { translateConstraintError } from '../../common/errors/postgres-errors';
import { PaginationQueryDto } from '../../common/http/pagination.dto';
import { UserContext } from '../../database/user-context';
import { AccountsService } from '../accounts';
import { CategoriesService } from '../categories';
import {
  CreateRecurringRuleDto,
  RecurringRuleDto,
  RecurringRuleListDto,
  SkippedOccurrenceDto,
  UpcomingListDto,
  UpdateRecurringRuleDto,
} from './dto/recurring-rule.dto';
import { addDays, nextOccurrenceFrom, occurrencesBetween, todayOf } from './recurrence';
import { RecurringOccurrencesStore } from './recurring-occurrences.store';
import { RecurringRule, RecurringRulesStore, RuleFields } from './recurring-rules.store';
import { fieldsAfter, scheduleProblems } from './rule-fields';

function toDto(rule: RecurringRule): RecurringRuleDto {
  const { userId: _owner, ...dto } = rule;
  return dto;
}

const ruleNotFound = (id: string) => new NotFoundError(`Recurring rule ${id} not found`);

/** Refuses fields that do not fit together, one message per field. */
function assertSchedule(fields: RuleFields): void {
  const problems = scheduleProblems(fields);
  if (Object.keys(problems).length > 0) {
    throw new InvalidRequestError('The schedule does not fit together', problems);
  }
}

/**
 * A user's recurring rules. Occurrences before the day a rule is created or changed are not
 * booked: a rule (or its change) applies from today on, and transactions already booked stay as
 * they are. Days are UTC days.
 */
@Injectable()
export class RecurringService {
  constructor(
    private readonly userContext: UserContext,
    private readonly rules: RecurringRulesStore,
    private readonly occurrences: RecurringOccurrencesStore,
    private readonly categories: CategoriesService,
    private readonly accounts: AccountsService,
  ) {}

  list(query: PaginationQueryDto): Promise<RecurringRuleListDto> {
    return this.userContext.run(async (manager) => {
      const { rules, total } = await this.rules.page(manager, query.limit, query.offset);
      return { items: rules.map(toDto), total, page: query.page, limit: query.limit };
    });
  }

  get(id: string): Promise<RecurringRuleDto> {
    return this.userContext.run(async (manager) => toDto(await this.find(manager, id)));
  }

  create(input: CreateRecurringRuleDto): Promise<RecurringRuleDto> {
    return this.userContext.run((manager) => this.createWithin(manager, input));
  }

  /** Whether the signed-in user owns rule `id`, deleted or not (its history's access). */
  owns(id: string): Promise<boolean> {
    return this.userContext.run((manager) => this.rules.exists(manager, id));
  }

  /** Creates a rule inside the caller's open transaction and user context (the demo data). */
  async createWithin(
    manager: EntityManager,
    input: CreateRecurringRuleDto,
  ): Promise<RecurringRuleDto> {
    const categoryId = input.categoryId ?? null;
    const account = await this.accounts.entryAccountWithin(
      manager,
      input.accountId,
      input.currency,
    );
    const fields: RuleFields = {
      accountId: account.id,
      name: input.name,
      description: input.description ?? null,
      categoryId,
      type: await this.typeOf(manager, categoryId, input.type),
      amountCents: input.amountCents,
      currency: input.currency,
      frequency: input.frequency,
      interval: input.interval ?? 1,
      dayOfMonth: input.dayOfMonth ?? null,
      lastDayOfMonth: input.lastDayOfMonth ?? false,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      occurrenceCount: input.occurrenceCount ?? null,
      paused: false,
      nextDueOn: null,
    };
    assertSchedule(fields);
    const id = await this.rules.insert(manager, { ...fields, nextDueOn: this.nextDue(fields) });
    return toDto(await this.find(manager, id));
  }

  /** Applies to occurrences from today on; transactions already booked are left as they are. */
  update(id: string, changes: UpdateRecurringRuleDto): Promise<RecurringRuleDto> {
    return this.userContext.run(async (manager) => {
      const current = await this.find(manager, id, true);
      const fields = fieldsAfter(current, changes);
      const sameCategory = fields.categoryId === current.categoryId;
      if (!sameCategory || (changes.type !== undefined && changes.type !== current.type)) {
        fields.type = await this.typeOf(
          manager,
          fields.categoryId,
          changes.type ?? (sameCategory || !fields.categoryId ? current.type : undefined),
        );
      }
      if (changes.accountId !== undefined || fields.currency !== current.currency) {
        // A new currency without a named account: the default account of that currency.
        const named =
          changes.accountId ??
          (fields.currency === current.currency ? current.accountId : undefined);
        fields.accountId = (
          await this.accounts.entryAccountWithin(manager, named, fields.currency)
        ).id;
      }
      assertSchedule(fields);
      await this.rules.update(manager, id, { ...fields, nextDueOn: this.nextDue(fields) });
      return toDto(await this.find(manager, id));
    });
  }

  remove(id: string): Promise<void> {
    return this.userContext.run(async (manager) => {
      if (!(await this.rules.softDelete(manager, id))) throw ruleNotFound(id);
    });
  }

  /** No transaction is booked while a rule is paused. */
  pause(id: string): Promise<RecurringRuleDto> {
    return this.setPaused(id, true);
  }

  /** Occurrences that fell while the rule was paused are not booked: it goes on from today. */
  resume(id: string): Promise<RecurringRuleDto> {
    return this.setPaused(id, false);
  }

  /** Records that no transaction is to be booked for one coming occurrence of a rule. */
  skip(id: string, occursOn: string): Promise<SkippedOccurrenceDto> {
    return this.userContext
      .run(async (manager) => {
        const rule = await this.find(manager, id, true);
        if (occurrencesBetween(rule, occursOn, occursOn).length === 0) {
          throw new BusinessRuleError(`Rule ${id} has no occurrence on ${occursOn}`, {
            occursOn: ['occursOn must be a day this rule falls on'],
          });
        }
        if (rule.nextDueOn === null || occursOn < rule.nextDueOn) {
          throw new BusinessRuleError(`The occurrence on ${occursOn} is already booked`, {
            occursOn: ['this occurrence is already booked or past; delete its transaction instead'],
          });
        }
        await this.occurrences.recordSkipped(manager, id, occursOn);
        return { ruleId: id, occursOn };
      })
      .catch((error) =>
        translateConstraintError(error, {
          uq_recurring_occurrences_rule_day: () =>
            new ConflictError(`The occurrence on ${occursOn} is already skipped`, {
              occursOn: ['this occurrence is already skipped'],
            }),
        }),
      );
  }

  /**
   * The occurrences of running rules from today through `days - 1` days ahead that are not
   * booked yet, skipped ones marked, by day.
   */
  upcoming(days: number, now = new Date()): Promise<UpcomingListDto> {
    const from = todayOf(now);
    const until = addDays(from, days - 1);
    return this.userContext.run(async (manager) => {
      const rules = await this.rules.running(manager);
      const recorded = await this.occurrences.recordedBetween(
        manager,
        rules.map((rule) => rule.id),
        from,
        until,
      );
      const statusOf = new Map(recorded.map((o) => [`${o.ruleId}/${o.occursOn}`, o.status]));
      const items = rules.flatMap((rule) =>
        occurrencesBetween(rule, from, until).flatMap((occursOn) => {
          const status = statusOf.get(`${rule.id}/${occursOn}`);
          if (status === 'created') return [];
          const { name, type, amountCents, currency, categoryId } = rule;
          const skipped = status === 'skipped';
          return [
            { ruleId: rule.id, name, occursOn, type, amountCents, currency, categoryId, skipped },
          ];
        }),
      );
      items.sort((a, b) => a.occursOn.localeCompare(b.occursOn) || a.name.localeCompare(b.name));
      return { items };
    });
  }

  private setPaused(id: string, paused: boolean): Promise<RecurringRuleDto> {
    return this.userContext.run(async (manager) => {
      const rule = await this.find(manager, id, true);
      if (rule.paused !== paused) {
        const fields = { ...rule, paused };
        await this.rules.update(manager, id, {
          ...fields,
          nextDueOn: paused ? rule.nextDueOn : this.nextDue(fields),
        });
      }
      return toDto(await this.find(manager, id));
    });
  }

  /** The first occurrence from today on: where the job starts (null when there is none). */
  private nextDue(fields: RuleFields): string | null {
    return nextOccurrenceFrom(fields, todayOf(new Date()));
  }

  /** The type follows the category's kind; without a category the caller must say it. */
  private async typeOf(
    manager: EntityManager,
    categoryId: string | null,
    requested: TransactionType | undefined,
  ): Promise<TransactionType> {
    if (!categoryId) {
      if (!requested) {
        throw new InvalidRequestError('A rule without a category needs a type', {
          type: ['type is required when categoryId is not given'],
        });
      }
      return requested;
    }
    const category = await this.categories.find(manager, categoryId);
    if (requested && requested !== category.kind) {
      throw new BusinessRuleError(
        `Category '${category.name}' is for ${category.kind} transactions`,
        {
          type: [`type must be ${category.kind} for category '${category.name}'`],
        },
      );
    }
    return category.kind;
  }

  private async find(
    manager: EntityManager,
    id: string,
    forUpdate = false,
  ): Promise<RecurringRule> {
    const rule = await this.rules.one(manager, id, forUpdate);
    if (!rule) throw ruleNotFound(id);
    return rule;
  }
}
