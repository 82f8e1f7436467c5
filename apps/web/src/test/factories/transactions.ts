import type { components } from '@ledgerlens/contracts';

type TransactionDto = components['schemas']['TransactionDto'];
type TransactionPageDto = components['schemas']['TransactionPageDto'];
type RecordChangeDto = components['schemas']['RecordChangeDto'];
type RecordHistoryDto = components['schemas']['RecordHistoryDto'];

let sequence = 0;

/** A transaction as the API describes one: an uncategorised €12.50 expense unless overridden. */
export function aTransaction(overrides: Partial<TransactionDto> = {}): TransactionDto {
  sequence += 1;
  return {
    id: `00000000-0000-4000-b000-${String(sequence).padStart(12, '0')}`,
    type: 'expense',
    amountCents: 1250,
    currency: 'EUR',
    description: `Transaction ${sequence}`,
    occurredOn: '2026-11-21',
    notes: null,
    categoryId: overrides.category?.id ?? null,
    category: null,
    accountId: '00000000-0000-4000-a000-000000000000',
    transferId: null,
    createdAt: `2026-11-21T10:00:${String(sequence % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2026-11-21T10:00:00.000Z',
    ...overrides,
  };
}

/**
 * One page of `GET /api/v1/transactions`. `total` defaults to the items given (a single page);
 * pass a larger one for "Load more".
 */
export function aTransactionPage(
  items: TransactionDto[],
  overrides: Partial<TransactionPageDto> = {},
): TransactionPageDto {
  return { items, total: items.length, page: 1, limit: 50, ...overrides };
}

/** One audited change of a record: an edit of its amount unless overridden. */
export function aRecordChange(overrides: Partial<RecordChangeDto> = {}): RecordChangeDto {
  sequence += 1;
  return {
    id: String(sequence),
    action: 'UPDATE',
    changedAt: '2026-11-22T09:30:00.000Z',
    changes: [{ field: 'amountCents', from: 1250, to: 1500 }],
    deleted: false,
    traceId: 'a'.repeat(32),
    userEmail: 'ada@example.com',
    userId: '00000000-0000-4000-8000-000000000001',
    ...overrides,
  };
}

/** `GET /api/v1/transactions/{id}/history`: the creation, then the given changes. */
export function aHistory(...changes: RecordChangeDto[]): RecordHistoryDto {
  const creation = aRecordChange({
    action: 'INSERT',
    changedAt: '2026-11-21T10:00:00.000Z',
    changes: [{ field: 'amountCents', from: null, to: 1250 }],
  });
  return { items: [creation, ...changes] };
}

type TransactionSummaryDto = components['schemas']['TransactionSummaryDto'];
type CategoryTotalDto = TransactionSummaryDto['categories'][number];

const largestFirst = (a: bigint, b: bigint) => (a < b ? 1 : a > b ? -1 : 0);

/**
 * `GET /api/v1/transactions/summary` over the given transactions, added up as the API does
 * (November 2026 unless another range is given), so tests can state the month as transactions.
 * Sums are added with BigInt and sent as exact decimal strings, like the API's.
 */
export function aTransactionSummary(
  transactions: TransactionDto[],
  range = { from: '2026-11-01', to: '2026-11-30' },
): TransactionSummaryDto {
  const categories = new Map<string, CategoryTotalDto>();
  // Income and spending only, as the API sums them: transfers and adjustments are neither.
  const entries = transactions.flatMap((transaction) =>
    transaction.type === 'expense' || transaction.type === 'income'
      ? [{ ...transaction, type: transaction.type }]
      : [],
  );
  for (const { type, currency, categoryId, category, amountCents } of entries) {
    const key = `${type} ${currency} ${categoryId}`;
    const total = categories.get(key) ?? {
      type,
      currency,
      categoryId,
      categoryName: category?.name ?? null,
      color: category?.color ?? null,
      cents: '0',
      count: 0,
    };
    total.cents = String(BigInt(total.cents) + BigInt(amountCents));
    total.count += 1;
    categories.set(key, total);
  }
  const currencies = [...new Set(entries.map((t) => t.currency))].map((currency) => {
    const own = entries.filter((t) => t.currency === currency);
    const sum = (type: string) =>
      own.filter((t) => t.type === type).reduce((cents, t) => cents + BigInt(t.amountCents), 0n);
    return {
      currency,
      incomeCents: String(sum('income')),
      spendingCents: String(sum('expense')),
      netCents: String(sum('income') - sum('expense')),
      count: own.length,
      expenseCount: own.filter((t) => t.type === 'expense').length,
    };
  });
  return {
    ...range,
    currencies: currencies.sort((a, b) => b.count - a.count),
    categories: [...categories.values()].sort((a, b) =>
      largestFirst(BigInt(a.cents), BigInt(b.cents)),
    ),
  };
}
