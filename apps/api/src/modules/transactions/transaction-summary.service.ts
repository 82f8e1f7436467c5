import { TransactionType } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { InvalidRequestError } from '../../common/errors/domain-errors';
import { UserContext } from '../../database/user-context';
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

interface SummaryRow {
  type: TransactionType;
  currency: string;
  category_id: string | null;
  category_name: string | null;
  color: string | null;
  /** A numeric sum, exact as text (it can pass 2^53), and answered as such. */
  cents: string;
  count: number;
}

/**
 * Sums of the current user's transactions by type, currency and category, added up by
 * PostgreSQL (under Row-Level Security) so a busy month costs one query, not a page per 100 rows.
 * Soft-deleted categories keep their name and colour on their old transactions.
 */
const SUMMARY_SQL = `
  SELECT t.type, t.currency, t.category_id, c.name AS category_name, c.color,
         sum(t.amount_cents)::text AS cents, count(*)::int AS count
  FROM transactions t
  LEFT JOIN categories c ON c.id = t.category_id
  WHERE t.deleted_at IS NULL AND t.occurred_on BETWEEN $1 AND $2
  GROUP BY t.type, t.currency, t.category_id, c.name, c.color`;

@Injectable()
export class TransactionSummaryService {
  constructor(private readonly userContext: UserContext) {}

  async summarize({ from, to }: TransactionSummaryQueryDto): Promise<TransactionSummaryDto> {
    if (from > to) {
      throw new InvalidRequestError('from must not be after to', {
        from: ['from must not be after to'],
      });
    }
    const rows = await this.userContext.run((manager) =>
      manager.query<SummaryRow[]>(SUMMARY_SQL, [from, to]),
    );
    const categories = rows.map(categoryTotalOf).sort(largestFirst);
    return { from, to, currencies: currencyTotalsOf(categories), categories };
  }

  /** Income, spending and net per currency of every transaction the filters match, in one query. */
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
          .groupBy('transaction.currency')
          .addGroupBy('transaction.type'),
        filters,
      ).getRawMany<TypeSum>(),
    );
    return { currencies: currencyTotalsOf(sums) };
  }
}

function categoryTotalOf(row: SummaryRow): CategoryTotalDto {
  return {
    type: row.type,
    currency: row.currency,
    categoryId: row.category_id,
    categoryName: row.category_name,
    color: row.color,
    cents: row.cents,
    count: row.count,
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
