import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BusinessRuleError } from '../../common/errors/domain-errors';
import { TransactionFiltersDto } from './dto/transaction.dto';

/** A range whose lowest amount is above its highest matches nothing: refused, as a mistake. */
export function assertAmountRange({ minAmountCents, maxAmountCents }: TransactionFiltersDto): void {
  if (minAmountCents && maxAmountCents && minAmountCents > maxAmountCents) {
    throw new BusinessRuleError('minAmountCents must not exceed maxAmountCents', {
      minAmountCents: ['must not exceed maxAmountCents'],
    });
  }
}

/**
 * Narrows a query over `transaction` (the alias) to the filters, so the list and its totals
 * always agree on what matches.
 */
export function whereTransactionsMatch<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  filters: TransactionFiltersDto,
): SelectQueryBuilder<T> {
  const { from, to, categoryId, accountId, type, minAmountCents, maxAmountCents, q } = filters;
  if (from) builder.andWhere('transaction.occurredOn >= :from', { from });
  if (to) builder.andWhere('transaction.occurredOn <= :to', { to });
  if (categoryId) builder.andWhere('transaction.categoryId = :categoryId', { categoryId });
  if (accountId) builder.andWhere('transaction.accountId = :accountId', { accountId });
  if (type) builder.andWhere('transaction.type = :type', { type });
  if (minAmountCents) builder.andWhere('transaction.amountCents >= :min', { min: minAmountCents });
  if (maxAmountCents) builder.andWhere('transaction.amountCents <= :max', { max: maxAmountCents });
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    builder.andWhere(
      '(transaction.description ILIKE :pattern OR transaction.notes ILIKE :pattern)',
      { pattern },
    );
  }
  return builder;
}
