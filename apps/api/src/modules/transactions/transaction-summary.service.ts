import { Injectable } from '@nestjs/common';
import { InvalidRequestError } from '../../common/errors/domain-errors';
import { UserContext } from '../../database/user-context';
import { CategoriesService, Category } from '../categories';
import {
  CategoryTotalDto,
  CurrencyTotalsDto,
  TransactionSummaryDto,
  TransactionSummaryQueryDto,
  TransactionTotalsDto,
} from './dto/transaction-summary.dto';
import { TransactionFiltersDto } from './dto/transaction.dto';
import { Transaction } from './transaction.entity';
import { assertAmountRange, whereTransactionsMatch } from './transaction-filters';
import { CategorySum, TransactionSummaryStore } from './transaction-summary.store';

@Injectable()
export class TransactionSummaryService {
  constructor(
    private readonly userContext: UserContext,
    private readonly sums: TransactionSummaryStore,
    private readonly categories: CategoriesService,
  ) {}

  /**
   * Sums of the current user's transactions by type, currency and category, each with its
   * category's name and colour, read from the categories module in one more query. Soft-deleted
   * categories keep their name and colour on their old transactions.
   */
  async summarize({ from, to }: TransactionSummaryQueryDto): Promise<TransactionSummaryDto> {
    if (from > to) {
      throw new InvalidRequestError('from must not be after to', {
        from: ['from must not be after to'],
      });
    }
    const categories = await this.userContext.run(async (manager) => {
      const sums = await this.sums.sumsByCategory(manager, from, to);
      const ids = new Set(sums.flatMap(({ category_id }) => (category_id ? [category_id] : [])));
      const categories = await this.categories.findWithDeleted(manager, [...ids]);
      const byId = new Map(categories.map((category) => [category.id, category]));
      return sums.map((sum) =>
        categoryTotalOf(sum, sum.category_id === null ? undefined : byId.get(sum.category_id)),
      );
    });
    categories.sort(largestFirst);
    return { from, to, currencies: currencyTotalsOf(categories), categories };
  }

  /**
   * Income, spending and net per currency of every income and expense the filters match (not
   * transfers, not adjustments), in one query.
   */
  async totals(filters: TransactionFiltersDto): Promise<TransactionTotalsDto> {
    assertAmountRange(filters);
    const sums = await this.userContext.run((manager) =>
      whereTransactionsMatch(
        manager
          .createQueryBuilder(Transaction, 'transaction')
          .select('transaction.currency', 'currency')
          .addSelect('transaction.type', 'type')
          .addSelect('sum(transaction.amountCents)::text', 'cents')
          .addSelect('count(*)::int', 'count')
          // Income and spending only: transfers and adjustments are neither.
          .where("transaction.type IN ('expense', 'income')")
          .groupBy('transaction.currency')
          .addGroupBy('transaction.type'),
        filters,
      ).getRawMany<TypeSum>(),
    );
    return { currencies: currencyTotalsOf(sums) };
  }
}

function categoryTotalOf(
  sum: CategorySum,
  category: Pick<Category, 'name' | 'color'> | undefined,
): CategoryTotalDto {
  return {
    type: sum.type,
    currency: sum.currency,
    categoryId: sum.category_id,
    categoryName: category?.name ?? null,
    color: category?.color ?? null,
    cents: sum.cents,
    count: sum.count,
  };
}

const compareBigInts = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

function largestFirst(a: CategoryTotalDto, b: CategoryTotalDto): number {
  return (
    compareBigInts(BigInt(b.cents), BigInt(a.cents)) ||
    (a.categoryName ?? '').localeCompare(b.categoryName ?? '')
  );
}

interface CurrencySums {
  currency: string;
  income: bigint;
  spending: bigint;
  count: number;
  expenseCount: number;
}

/** A sum of one type of transactions in one currency (or finer: in one category too). */
type TypeSum = Pick<CategoryTotalDto, 'type' | 'currency' | 'cents' | 'count'>;

/** Adds sums up per currency with BigInt: a sum can pass 2^53, where numbers lose cents. */
function currencyTotalsOf(sums: TypeSum[]): CurrencyTotalsDto[] {
  const byCurrency = new Map<string, CurrencySums>();
  for (const { currency, type, cents, count } of sums) {
    const sums = byCurrency.get(currency) ?? {
      currency,
      income: 0n,
      spending: 0n,
      count: 0,
      expenseCount: 0,
    };
    if (type === 'income') sums.income += BigInt(cents);
    else {
      sums.spending += BigInt(cents);
      sums.expenseCount += count;
    }
    sums.count += count;
    byCurrency.set(currency, sums);
  }
  return [...byCurrency.values()]
    .sort((a, b) => b.count - a.count || a.currency.localeCompare(b.currency))
    .map(({ currency, income, spending, count, expenseCount }) => ({
      currency,
      incomeCents: income.toString(),
      spendingCents: spending.toString(),
      netCents: (income - spending).toString(),
      count,
      expenseCount,
    }));
}
