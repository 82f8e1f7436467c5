import {
  BudgetThresholdCrossedPayload,
  BudgetUpdatedPayload,
  DomainEvent,
} from '@ledgerlens/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../../common/context/request-context';
import { ConflictError, NotFoundError } from '../../common/errors/domain-errors';
import {
  isDatabaseUnavailable,
  translateConstraintError,
} from '../../common/errors/postgres-errors';
import { PaginationQueryDto, Page } from '../../common/http/pagination.dto';
import { ownsRow, softDeleteLive, updateLive } from '../../database/live-rows';
import { UserContext } from '../../database/user-context';
import { CategoriesService } from '../categories';
import {
  SpendingScope,
  TRANSACTION_SAVED,
  TransactionSaved,
  TransactionSpendingStore,
} from '../transactions';
import { BudgetAlert } from './budget-alert.entity';
import { BudgetAlertsStore, Crossing } from './budget-alerts.store';
import { standingOf, thresholdsReached } from './budget-standing';
import { Budget } from './budget.entity';
import { BudgetInPeriod, BudgetsStore, BudgetWithCrossings } from './budgets.store';
import {
  BudgetAlertDto,
  BudgetDto,
  BudgetListDto,
  CreateBudgetDto,
  UpdateBudgetDto,
} from './dto/budget.dto';

function toDto(budget: BudgetInPeriod, spentCents: string): BudgetDto {
  return {
    id: budget.id,
    categoryId: budget.categoryId,
    period: budget.period,
    limitCents: Number(budget.limitCents),
    currency: budget.currency,
    startDate: budget.startDate,
    alertThresholds: budget.alertThresholds,
    periodStart: budget.periodStart,
    periodEnd: budget.periodEnd,
    ...standingOf(budget, spentCents),
    createdAt: budget.createdAt,
    updatedAt: budget.updatedAt,
  };
}

/** What counts as a budget's spending: expenses in its currency and category, in its period. */
function spendingScopeOf(budget: BudgetInPeriod): SpendingScope {
  return {
    key: budget.id,
    categoryId: budget.categoryId,
    currency: budget.currency,
    from: budget.periodStart,
    until: budget.nextPeriodStart,
  };
}

export const budgetNotFound = (id: string) => new NotFoundError(`Budget ${id} not found`);

const duplicateBudget = () =>
  new ConflictError('A budget for this category, period and currency already exists', {
    categoryId: ['a budget for this category, period and currency already exists'],
  });

@Injectable()
export class BudgetsService {
  private readonly logger = new Logger(BudgetsService.name);

  constructor(
    private readonly userContext: UserContext,
    private readonly store: BudgetsStore,
    private readonly alertsStore: BudgetAlertsStore,
    private readonly spending: TransactionSpendingStore,
    private readonly categories: CategoriesService,
    private readonly events: EventEmitter2,
    private readonly requestContext: RequestContext,
  ) {}

  list(query: PaginationQueryDto): Promise<BudgetListDto> {
    return this.userContext.run(async (manager) => {
      const { budgets, total } = await this.store.page(manager, query.limit, query.offset);
      const items = await this.withSpending(manager, budgets);
      return { items, total, page: query.page, limit: query.limit };
    });
  }

  get(id: string): Promise<BudgetDto> {
    return this.userContext.run((manager) => this.status(manager, id));
  }

  /** Whether the signed-in user owns budget `id`, deleted or not (its history's access). */
  owns(id: string): Promise<boolean> {
    return this.userContext.run((manager) => ownsRow(manager, Budget, id));
  }

  /** A budget already over a threshold when it is created announces it then, after COMMIT. */
  async create(input: CreateBudgetDto): Promise<BudgetDto> {
    const { budget, crossed } = await this.userContext
      .run(async (manager) => {
        if (input.categoryId) await this.categories.find(manager, input.categoryId);
        const saved = await manager.save(
          manager.create(Budget, { ...input, categoryId: input.categoryId ?? null }),
        );
        return this.withCrossingsOf(manager, saved.id);
      })
      .catch((error) =>
        translateConstraintError(error, { uq_budgets_user_category_period: duplicateBudget }),
      );
    this.announce(crossed);
    return budget;
  }

  /**
   * A budget whose spending is over a threshold once changed (a lower limit, a lower threshold)
   * announces the crossing then, after COMMIT.
   */
  async update(id: string, changes: UpdateBudgetDto): Promise<BudgetDto> {
    const { budget: updated, crossed } = await this.userContext
      .run(async (manager) => {
        await updateLive(manager, Budget, id, changes, () => budgetNotFound(id));
        return this.withCrossingsOf(manager, id);
      })
      .catch((error) =>
        translateConstraintError(error, { uq_budgets_user_category_period: duplicateBudget }),
      );
    // After commit: a refused update threw above. `run` needed a signed-in owner, so there is one.
    const owner = this.requestContext.actor;
    if (owner) {
      const payload: BudgetUpdatedPayload = {
        userId: owner.id,
        budget: updated,
        traceId: this.requestContext.traceId,
      };
      this.events.emit(DomainEvent.BudgetUpdated, payload);
    }
    this.announce(crossed);
    return updated;
  }

  remove(id: string): Promise<void> {
    return this.userContext.run(async (manager) => {
      await softDeleteLive(manager, Budget, id, () => budgetNotFound(id));
    });
  }

  alerts(query: PaginationQueryDto): Promise<Page<BudgetAlertDto>> {
    return this.userContext.run(async (manager) => {
      const [rows, total] = await manager.findAndCount(BudgetAlert, {
        order: { createdAt: 'DESC', thresholdPercent: 'DESC' },
        skip: query.offset,
        take: query.limit,
      });
      const items = rows.map(
        ({ id, budgetId, periodStart, thresholdPercent, spentCents, limitCents, createdAt }) => ({
          id,
          budgetId,
          periodStart,
          thresholdPercent,
          spentCents,
          limitCents,
          createdAt,
        }),
      );
      return { items, total, page: query.page, limit: query.limit };
    });
  }

  /**
   * Budgets over a history already written, inside the caller's open transaction and user
   * context (the demo data). The thresholds the history already crossed are recorded as alerts
   * now, so the user's next transaction does not announce them all at once.
   */
  async createOverHistory(manager: EntityManager, inputs: CreateBudgetDto[]): Promise<void> {
    await manager.insert(Budget, inputs);
    await this.recordCrossings(manager, await this.store.allWithCrossings(manager));
  }

  /**
   * Inside the write's transaction, before its COMMIT: record each threshold newly reached by a
   * budget that counts the transaction as it now is; the highest of them, once per budget, is
   * announced after the COMMIT. Only those budgets' spending can have grown: an income, the
   * budgets the transaction left (on an update) and a delete can only lower spending, so they
   * are not checked. The check runs in a savepoint: when it fails, its statements are rolled
   * back and logged, and the write still commits (ADR 0022).
   */
  @OnEvent(TRANSACTION_SAVED, { suppressErrors: false })
  async onTransactionSaved({ manager, change, afterCommit }: TransactionSaved): Promise<void> {
    if (change.type !== 'expense') return;
    const crossed = await this.crossingsIn(manager, change.userId, change.traceId, (savepoint) =>
      this.store.countingExpense(savepoint, change),
    );
    if (crossed.length > 0) afterCommit(() => this.announce(crossed));
  }

  /** A budget just written, as answered, and the crossings it now records (to announce). */
  private async withCrossingsOf(
    manager: EntityManager,
    id: string,
  ): Promise<{ budget: BudgetDto; crossed: BudgetThresholdCrossedPayload[] }> {
    const owner = this.requestContext.actor;
    const crossed = owner
      ? await this.crossingsIn(manager, owner.id, this.requestContext.traceId, (savepoint) =>
          this.store.oneWithCrossings(savepoint, id),
        )
      : [];
    return { budget: await this.status(manager, id), crossed };
  }

  /**
   * Records the thresholds newly reached by the budgets `budgetsOf` reads, in a savepoint of the
   * caller's transaction: when the check fails, its statements are rolled back and logged, and
   * the caller's write still commits (ADR 0022). Answers what to announce after COMMIT, the
   * highest new crossing once per budget.
   */
  private async crossingsIn(
    manager: EntityManager,
    userId: string,
    traceId: string | undefined,
    budgetsOf: (savepoint: EntityManager) => Promise<BudgetWithCrossings[]>,
  ): Promise<BudgetThresholdCrossedPayload[]> {
    try {
      const crossings = await manager.transaction(async (savepoint) =>
        this.recordCrossings(savepoint, await budgetsOf(savepoint)),
      );
      return crossings.map(({ crossing, budget }) => ({
        userId,
        budgetId: crossing.budgetId,
        categoryId: budget.categoryId,
        thresholdPercent: crossing.thresholdPercent,
        periodStart: crossing.periodStart,
        spentCents: crossing.spentCents,
        limitCents: Number(crossing.limitCents),
        currency: budget.currency,
        traceId,
      }));
    } catch (error) {
      // Without a database the write cannot commit either: let it fail as unavailable (503).
      if (isDatabaseUnavailable(error)) throw error;
      this.logger.error({ err: error }, 'Checking budget thresholds failed');
      return [];
    }
  }

  private announce(crossed: readonly BudgetThresholdCrossedPayload[]): void {
    for (const payload of crossed) this.events.emit(DomainEvent.BudgetThresholdCrossed, payload);
  }

  private async status(manager: EntityManager, id: string): Promise<BudgetDto> {
    const budget = await this.store.one(manager, id);
    if (!budget) throw budgetNotFound(id);
    const [dto] = await this.withSpending(manager, [budget]);
    return dto;
  }

  /** The budgets as answered, with what was spent in their periods: one query for all. */
  private async withSpending(
    manager: EntityManager,
    budgets: BudgetInPeriod[],
  ): Promise<BudgetDto[]> {
    const spent = await this.spending.spentIn(manager, budgets.map(spendingScopeOf));
    return budgets.map((budget) => toDto(budget, spent.get(budget.id) ?? '0'));
  }

  /**
   * Records every threshold the given budgets have reached in their current period and not yet
   * recorded, so none is announced twice; answers, per budget, the highest of the new records
   * with its budget. Two queries at most: their spending (one for all), the records.
   */
  private async recordCrossings(
    manager: EntityManager,
    budgets: BudgetWithCrossings[],
  ): Promise<{ crossing: Crossing; budget: BudgetInPeriod }[]> {
    const spent = await this.spending.spentIn(manager, budgets.map(spendingScopeOf));
    const reached = budgets.flatMap((budget) => {
      const spentCents = spent.get(budget.id) ?? '0';
      return thresholdsReached(budget, spentCents)
        .filter((threshold) => !budget.recordedThresholds.includes(threshold))
        .map((thresholdPercent) => ({
          budgetId: budget.id,
          periodStart: budget.periodStart,
          thresholdPercent,
          spentCents,
          limitCents: budget.limitCents,
        }));
    });
    const recorded = await this.alertsStore.record(manager, reached);
    const byId = new Map(budgets.map((budget) => [budget.id, budget]));
    return recorded.flatMap((crossing) => {
      const budget = byId.get(crossing.budgetId);
      return budget ? [{ crossing, budget }] : [];
    });
  }
}
