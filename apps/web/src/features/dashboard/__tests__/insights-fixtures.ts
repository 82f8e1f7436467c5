import type { components } from '@ledgerlens/contracts';
import { shiftMonth } from '../month';

type MonthlyTotalsDto = components['schemas']['MonthlyTotalsDto'];
type CategorySpendingDto = components['schemas']['CategorySpendingDto'];
type BudgetDto = components['schemas']['BudgetDto'];
type BudgetPeriodsDto = components['schemas']['BudgetPeriodsDto'];
type CategoryDto = components['schemas']['CategoryDto'];

/** The months from `from` to `to`, `YYYY-MM`, both included. */
function monthsOf(from: string, to: string): string[] {
  const months = [from];
  while ((months.at(-1) as string) < to) months.push(shiftMonth(months.at(-1) as string, 1));
  return months;
}

/** Cents by month `YYYY-MM`; months left out are zero. */
type ByMonth = Record<string, number>;

/**
 * `GET /insights/months` as the API answers it: every month of the range for every currency
 * given, zero where the test gives nothing.
 */
export function aMonthlyTotals(
  from: string,
  to: string,
  currencies: Record<string, { income?: ByMonth; spending?: ByMonth }>,
): MonthlyTotalsDto {
  return {
    from,
    to,
    currencies: Object.entries(currencies).map(([currency, { income = {}, spending = {} }]) => ({
      currency,
      months: monthsOf(from, to).map((month) => {
        const [i, s] = [income[month] ?? 0, spending[month] ?? 0];
        return {
          month,
          incomeCents: String(i),
          spendingCents: String(s),
          netCents: String(i - s),
          incomeCount: i > 0 ? 1 : 0,
          expenseCount: s > 0 ? 1 : 0,
        };
      }),
    })),
  };
}

/** `GET /insights/categories` as the API answers it, categories in the order given. */
export function aCategorySpending(
  from: string,
  to: string,
  currencies: Record<string, { category: CategoryDto | null; spending: ByMonth }[]>,
): CategorySpendingDto {
  return {
    from,
    to,
    currencies: Object.entries(currencies).map(([currency, categories]) => ({
      currency,
      categories: categories.map(({ category, spending }) => ({
        categoryId: category?.id ?? null,
        categoryName: category?.name ?? null,
        color: category?.color ?? null,
        totalCents: String(Object.values(spending).reduce((sum, cents) => sum + cents, 0)),
        months: monthsOf(from, to).map((month) => ({
          month,
          cents: String(spending[month] ?? 0),
          count: spending[month] ? 1 : 0,
        })),
      })),
    })),
  };
}

/** `GET /budgets/:id/periods` of `budget`: its periods newest first, with what was spent. */
export function aBudgetPeriods(
  budget: BudgetDto,
  periods: { periodStart: string; periodEnd: string; spentCents: number }[],
): BudgetPeriodsDto {
  return {
    budgetId: budget.id,
    period: budget.period,
    currency: budget.currency,
    limitCents: budget.limitCents,
    periods: periods.map(({ periodStart, periodEnd, spentCents }, index) => ({
      periodStart,
      periodEnd,
      current: index === 0,
      spentCents: String(spentCents),
      remainingCents: String(budget.limitCents - spentCents),
      percentUsed: Math.round((spentCents * 10_000) / budget.limitCents) / 100,
      over: spentCents >= budget.limitCents,
    })),
  };
}
