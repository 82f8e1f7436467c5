import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  ConflictError,
  InvalidRequestError,
  NotFoundError,
} from '../../common/errors/domain-errors';
import { PaginationQueryDto } from '../../common/http/pagination.dto';
import { UserContext } from '../../database/user-context';
import { AccountsService } from '../accounts';
import { CreateGoalDto, GoalDto, GoalListDto, UpdateGoalDto } from './dto/goal.dto';
import { GoalContributionsStore } from './goal-contributions.store';
import { GoalProgressReader } from './goal-progress.reader';
import { GoalFields, SavingsGoal, SavingsGoalsStore } from './savings-goals.store';

export const goalNotFound = (id: string) => new NotFoundError(`Savings goal ${id} not found`);

/**
 * A user's savings goals, each answered with its progress. A goal is linked (progress is its
 * account's balance, in the account's currency) or manual (progress is the sum of its
 * contributions). `reachedOn` is set the first time a goal is seen reached — when it is read or
 * contributed to — and stays when savings are spent afterwards; a new target or a switch between
 * linked and manual measures the goal afresh.
 */
@Injectable()
export class GoalsService {
  constructor(
    private readonly userContext: UserContext,
    private readonly goals: SavingsGoalsStore,
    private readonly contributions: GoalContributionsStore,
    private readonly progress: GoalProgressReader,
    private readonly accounts: AccountsService,
  ) {}

  list(query: PaginationQueryDto): Promise<GoalListDto> {
    return this.userContext.run(async (manager) => {
      const { goals, today, total } = await this.goals.page(manager, query.limit, query.offset);
      const items = today === null ? [] : await this.progress.answer(manager, goals, today);
      return { items, total, page: query.page, limit: query.limit };
    });
  }

  get(id: string): Promise<GoalDto> {
    return this.userContext.run((manager) => this.answer(manager, id));
  }

  /** Whether the signed-in user owns goal `id`, deleted or not (its history's access). */
  owns(id: string): Promise<boolean> {
    return this.userContext.run((manager) => this.goals.exists(manager, id));
  }

  create(input: CreateGoalDto): Promise<GoalDto> {
    return this.userContext.run((manager) => this.createWithin(manager, input));
  }

  /** Creates a goal inside the caller's open transaction and user context (the demo data). */
  async createWithin(manager: EntityManager, input: CreateGoalDto): Promise<GoalDto> {
    const fields: GoalFields = {
      name: input.name,
      targetCents: input.targetCents,
      currency: input.currency,
      targetDate: input.targetDate ?? null,
      accountId: input.accountId ?? null,
      reachedOn: null,
    };
    await this.assertAccountFits(manager, fields);
    const id = await this.goals.insert(manager, fields);
    return this.answer(manager, id);
  }

  update(id: string, changes: UpdateGoalDto): Promise<GoalDto> {
    return this.userContext.run(async (manager) => {
      const current = await this.find(manager, id, true);
      const fields = fieldsAfter(current, changes);
      if (fields.accountId !== current.accountId || fields.currency !== current.currency) {
        await this.assertNoContributionsFor(manager, current, fields);
        await this.assertAccountFits(manager, fields);
      }
      await this.goals.update(manager, id, fields);
      return this.answer(manager, id);
    });
  }

  remove(id: string): Promise<void> {
    return this.userContext.run(async (manager) => {
      if (!(await this.goals.softDelete(manager, id))) throw goalNotFound(id);
    });
  }

  /** A live goal of the caller with its progress, inside their open transaction; 404 otherwise. */
  async answer(manager: EntityManager, id: string): Promise<GoalDto> {
    const { goal, today } = await this.findOnDay(manager, id);
    return this.measure(manager, goal, today);
  }

  /** A goal with its progress on `today`, marked reached when it has got there. */
  async measure(manager: EntityManager, goal: SavingsGoal, today: string): Promise<GoalDto> {
    const [answered] = await this.progress.answer(manager, [goal], today);
    return answered;
  }

  /** A live goal of the caller; `forUpdate` locks it until the transaction ends. */
  async find(manager: EntityManager, id: string, forUpdate = false): Promise<SavingsGoal> {
    return (await this.findOnDay(manager, id, forUpdate)).goal;
  }

  /** A live goal of the caller with the user's today; `forUpdate` locks it until the end. */
  async findOnDay(
    manager: EntityManager,
    id: string,
    forUpdate = false,
  ): Promise<{ goal: SavingsGoal; today: string }> {
    const found = await this.goals.one(manager, id, forUpdate);
    if (!found) throw goalNotFound(id);
    return found;
  }

  /** A linked goal's account must be the caller's live account in the goal's currency. */
  private async assertAccountFits(manager: EntityManager, fields: GoalFields): Promise<void> {
    if (fields.accountId === null) return;
    const account = await this.accounts.findWithin(manager, fields.accountId);
    if (account.currency !== fields.currency) {
      throw new InvalidRequestError(
        `Account '${account.name}' is in ${account.currency}, the goal in ${fields.currency}`,
        {
          accountId: [
            `the account is in ${account.currency}: a linked goal must be in its account's currency`,
          ],
        },
      );
    }
  }

  /**
   * Contributions are in the goal's currency and count only while it is manual: a goal that has
   * some keeps its currency and stays manual until they are deleted.
   */
  private async assertNoContributionsFor(
    manager: EntityManager,
    current: SavingsGoal,
    fields: GoalFields,
  ): Promise<void> {
    if (current.accountId !== null || !(await this.contributions.any(manager, current.id))) return;
    const field = fields.accountId !== null ? 'accountId' : 'currency';
    throw new ConflictError(`Savings goal ${current.id} has contributions`, {
      [field]: [
        field === 'accountId'
          ? 'a goal with contributions cannot be linked to an account; delete its contributions first'
          : 'the currency of a goal with contributions cannot change; delete its contributions first',
      ],
    });
  }
}

/**
 * A goal's fields after a change. A new target, or a switch between linked and manual, clears
 * `reachedOn`, so the goal is measured afresh.
 */
function fieldsAfter(current: SavingsGoal, changes: UpdateGoalDto): GoalFields {
  const fields: GoalFields = {
    name: changes.name ?? current.name,
    targetCents: changes.targetCents ?? current.targetCents,
    currency: changes.currency ?? current.currency,
    targetDate: changes.targetDate === undefined ? current.targetDate : changes.targetDate,
    accountId: changes.accountId === undefined ? current.accountId : changes.accountId,
    reachedOn: current.reachedOn,
  };
  const remeasured =
    fields.targetCents !== current.targetCents || fields.accountId !== current.accountId;
  return remeasured ? { ...fields, reachedOn: null } : fields;
}
