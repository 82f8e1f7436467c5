import { Injectable } from '@nestjs/common';
import { UserContext } from '../../database/user-context';
import { CategoriesService, Category } from '../categories';
import {
  CategoryMonthsDto,
  CategorySpendingDto,
  CurrencyCategoriesDto,
} from './dto/category-spending.dto';
import { MonthRangeQueryDto } from './dto/insights-query.dto';
import { CurrencyMonthsDto, MonthlyTotalsDto } from './dto/monthly-totals.dto';
import { CategoryMonthRow, InsightsStore, MonthTotalsRow } from './insights.store';
import { checkedMonths, ResolvedMonths } from './month-range';

/** The range a statement's rows carry (each carries it; there is always at least one row). */
function resolvedOf(rows: readonly (MonthTotalsRow | CategoryMonthRow)[]): ResolvedMonths {
  const [first] = rows;
  return { from: first.first_month, to: first.last_month, span: first.span };
}

/** Groups rows in their order by a key, skipping the bounds row that has no currency. */
function groupedBy<Row, Key>(
  rows: readonly Row[],
  keyOf: (row: Row) => Key | null,
): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}

@Injectable()
export class InsightsService {
  constructor(
    private readonly userContext: UserContext,
    private readonly store: InsightsStore,
    private readonly categories: CategoriesService,
  ) {}

  /** Income and spending per currency and month of the range, in one query. */
  async monthlyTotals(query: MonthRangeQueryDto): Promise<MonthlyTotalsDto> {
    const rows = await this.userContext.run((manager) => this.store.monthlyTotals(manager, query));
    const { from, to } = checkedMonths(query, resolvedOf(rows));
    const currencies: CurrencyMonthsDto[] = [...groupedBy(rows, (row) => row.currency)].map(
      ([currency, months]) => ({
        currency,
        months: months.map((row) => ({
          month: row.month as string,
          incomeCents: row.income_cents,
          spendingCents: row.spending_cents,
          netCents: row.net_cents,
          incomeCount: row.income_count,
          expenseCount: row.expense_count,
        })),
      }),
    );
    return { from, to, currencies };
  }

  /**
   * Spending per currency, category and month of the range, each category with its name and
   * colour, read from the categories module in one more query. Soft-deleted categories keep
   * their name and colour.
   */
  async categorySpending(query: MonthRangeQueryDto): Promise<CategorySpendingDto> {
    const { rows, categories } = await this.userContext.run(async (manager) => {
      const rows = await this.store.categoryMonths(manager, query);
      checkedMonths(query, resolvedOf(rows));
      const ids = new Set(rows.flatMap(({ category_id }) => (category_id ? [category_id] : [])));
      return { rows, categories: await this.categories.findWithDeleted(manager, [...ids]) };
    });
    const { from, to } = resolvedOf(rows);
    const byId = new Map(categories.map((category) => [category.id, category]));
    const currencies: CurrencyCategoriesDto[] = [...groupedBy(rows, (row) => row.currency)].map(
      ([currency, ofCurrency]) => ({
        currency,
        categories: [...groupedBy(ofCurrency, (row) => row.category_id ?? 'none').values()].map(
          (months) => categoryMonthsOf(months, byId),
        ),
      }),
    );
    return { from, to, currencies };
  }
}

function categoryMonthsOf(
  months: CategoryMonthRow[],
  byId: ReadonlyMap<string, Pick<Category, 'name' | 'color'>>,
): CategoryMonthsDto {
  const [{ category_id: categoryId, total_cents: totalCents }] = months;
  const category = categoryId === null ? undefined : byId.get(categoryId);
  return {
    categoryId,
    categoryName: category?.name ?? null,
    color: category?.color ?? null,
    totalCents,
    months: months.map(({ month, cents, count }) => ({ month: month as string, cents, count })),
  };
}
