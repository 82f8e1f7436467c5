import {
  BudgetThresholdCrossedPayload,
  BudgetUpdatedPayload,
  DomainEvent,
  TransactionChangedPayload,
} from '@ledgerlens/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../../common/context/request-context';
import { ConflictError, NotFoundError } from '../../common/errors/domain-errors';
import { translateConstraintError } from '../../common/errors/postgres-errors';
import { PaginationQueryDto, Page } from '../../common/http/pagination.dto';
import { softDeleteLive, updateLive } from '../../database/live-rows';
import { UserContext } from '../../database/user-context';
import { CategoriesService } from '../categories';
import { BudgetAlert } from './budget-alert.entity';
import {
  BUDGET_STATUS_SQL,
  BudgetStatusRow,
  CrossingRow,
  RECORD_CROSSINGS_SQL,
} from './budget-status.sql';
import { Budget } from './budget.entity';
import {
  BudgetAlertDto,
  BudgetDto,
  BudgetListDto,
  CreateBudgetDto,
  UpdateBudgetDto,
} from './dto/budget.dto';

function toDto(row: BudgetStatusRow): BudgetDto {
  return {
    id: row.id,
    categoryId: row.category_id,
    period: row.period,
    limitCents: Number(row.limit_cents),
    currency: row.currency,
    startDate: row.start_date,
    alertThresholds: row.alert_thresholds,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    spentCents: row.spent_cents,
    remainingCents: row.remaining_cents,
    percentUsed: row.percent_used,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const budgetNotFound = (id: string) => new NotFoundError(`Budget ${id} not found`);

const duplicateBudget = () =>
  new ConflictError('A budget for this category, period and currency already exists', {
    categoryId: ['a budget for this category, period and currency already exists'],
  });

@Injectable()
export class BudgetsService {
  private readonly logger = new Logger(BudgetsService.name);

  constructor(
    private readonly userContext: UserContext,
    private readonly categories: CategoriesService,
    private readonly events: EventEmitter2,
    private readonly requestContext: RequestContext,
  ) {}

  list(query: PaginationQueryDto): Promise<BudgetListDto> {
    return this.userContext.run(async (manager) => {
      const rows: BudgetStatusRow[] = await manager.query(
        `${BUDGET_STATUS_SQL} ORDER BY s.period, s.created_at, s.id LIMIT $1 OFFSET $2`,
        [query.limit, query.offset],
      );
      const total = await manager.count(Budget);
      return { items: rows.map(toDto), total, page: query.page, limit: query.limit };
    });
  }

  get(id: string): Promise<BudgetDto> {
    return this.userContext.run((manager) => this.status(manager, id));
  }

  create(input: CreateBudgetDto): Promise<BudgetDto> {
    return this.userContext
      .run(async (manager) => {
        if (input.categoryId) await this.categories.find(manager, input.categoryId);
        const saved = await manager.save(
          manager.create(Budget, { ...input, categoryId: input.categoryId ?? null }),
        );
        return this.status(manager, saved.id);
      })
      .catch((error) =>
        translateConstraintError(error, { uq_budgets_user_category_period: duplicateBudget }),
      );
  }

  async update(id: string, changes: UpdateBudgetDto): Promise<BudgetDto> {
    const updated = await this.userContext
      .run(async (manager) => {
        await updateLive(manager, Budget, id, changes, () => budgetNotFound(id));
        return this.status(manager, id);
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
    await manager.query(RECORD_CROSSINGS_SQL);
  }

  /**
   * After a transaction write commits: record each threshold a budget of that user has newly
   * reached in its current period, and announce the highest of them, once per budget.
   */
  @OnEvent(DomainEvent.TransactionCreated)
  @OnEvent(DomainEvent.TransactionUpdated)
  @OnEvent(DomainEvent.TransactionDeleted)
  async onTransactionChanged(change: TransactionChangedPayload): Promise<void> {
    try {
      const crossings = await this.userContext.runAs(change.userId, async (manager) => {
        const rows: CrossingRow[] = await manager.query(RECORD_CROSSINGS_SQL);
        if (rows.length === 0) return [];
        const budgets = await manager.findBy(
          Budget,
          rows.map((row) => ({ id: row.budget_id })),
        );
        return rows.map((row) => ({
          row,
          budget: budgets.find((budget) => budget.id === row.budget_id),
        }));
      });
      for (const { row, budget } of crossings) {
        const payload: BudgetThresholdCrossedPayload = {
          userId: change.userId,
          budgetId: row.budget_id,
          categoryId: budget?.categoryId ?? null,
          thresholdPercent: row.threshold_percent,
          periodStart: row.period_start,
          spentCents: row.spent_cents,
          limitCents: Number(row.limit_cents),
          currency: budget?.currency ?? '',
          traceId: change.traceId,
        };
        this.events.emit(DomainEvent.BudgetThresholdCrossed, payload);
      }
    } catch (error) {
      this.logger.error({ err: error }, 'Checking budget thresholds failed');
    }
  }

  private async status(manager: EntityManager, id: string): Promise<BudgetDto> {
    const [row]: BudgetStatusRow[] = await manager.query(`${BUDGET_STATUS_SQL} WHERE s.id = $1`, [
      id,
    ]);
    if (!row) throw budgetNotFound(id);
    return toDto(row);
  }
}
