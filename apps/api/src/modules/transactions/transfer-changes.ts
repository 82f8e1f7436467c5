import { BusinessRuleError } from '../../common/errors/domain-errors';
import { UpdateTransferDto } from './dto/transfer.dto';
import { UpdateTransactionDto } from './dto/transaction.dto';
import { Transaction } from './transaction.entity';

/** What a transfer's row cannot take when edited as a transaction, and why. */
const NOT_FOR_TRANSFERS = {
  type: 'a transfer is neither income nor spending: its type stays',
  categoryId: 'a transfer has no category',
  currency: "a transfer's currencies are its accounts': choose another account instead",
  notes: 'a transfer has no notes',
} as const;

/**
 * The change to a transfer that an edit of one of its rows means: the row's account and amount
 * are its side's, day and description are both rows'. Fields a transfer does not have are
 * refused, one message each.
 */
export function transferChangesOf(
  side: Pick<Transaction, 'type'>,
  changes: UpdateTransactionDto,
): UpdateTransferDto {
  const refused = Object.entries(NOT_FOR_TRANSFERS).filter(
    ([field]) =>
      changes[field as keyof typeof NOT_FOR_TRANSFERS] !== undefined &&
      changes[field as keyof typeof NOT_FOR_TRANSFERS] !== null,
  );
  if (refused.length > 0) {
    throw new BusinessRuleError(
      'This is a transfer',
      Object.fromEntries(refused.map(([field, message]) => [field, [message]])),
    );
  }
  const leaving = side.type === 'transfer_out';
  return {
    occurredOn: changes.occurredOn,
    description: changes.description,
    ...(leaving
      ? { fromAccountId: changes.accountId, amountCents: changes.amountCents }
      : { toAccountId: changes.accountId, toAmountCents: changes.amountCents }),
  };
}
