import { Injectable } from '@nestjs/common';
import { UserContext } from '../../database/user-context';
import { TransactionSpendingStore } from '../transactions';
import { standingOf } from './budget-standing';
import { BudgetPeriodsStore } from './budget-periods.store';
import { budgetNotFound } from './budgets.service';
import { BudgetPeriodsDto } from './dto/budget.dto';

/** How a budget did in each of its latest periods (issue 20, "the dashboard over time"). */
@Injectable()
export class BudgetPeriodsService {
  constructor(
    private readonly userContext: UserContext,
    private readonly store: BudgetPeriodsStore,
    private readonly spending: TransactionSpendingStore,
  ) {}

  /**
   * The budget's latest `count` periods, the current one first, each measured by the budget's
   * limit as it is now. Two queries: the periods, then their spending, all summed in one.
   */
  periods(id: string, count: number): Promise<BudgetPeriodsDto> {
    return this.userContext.run(async (manager) => {
      const budget = await this.store.latest(manager, id, count);
      if (!budget) throw budgetNotFound(id);
      const spent = await this.spending.spentIn(
        manager,
        budget.periods.map((period) => ({
          key: period.periodStart,
          categoryId: budget.categoryId,
          currency: budget.currency,
          from: period.periodStart,
          until: period.nextPeriodStart,
        })),
      );
      return {
        budgetId: budget.id,
        period: budget.period,
        currency: budget.currency,
        limitCents: Number(budget.limitCents),
        periods: budget.periods.map(({ periodStart, periodEnd, current }) => {
          const { spentCents, remainingCents, percentUsed, status } = standingOf(
            budget,
            spent.get(periodStart) ?? '0',
          );
          return {
            periodStart,
            periodEnd,
            current,
            spentCents,
            remainingCents,
            percentUsed,
            over: status === 'over',
          };
        }),
      };
    });
  }
}
