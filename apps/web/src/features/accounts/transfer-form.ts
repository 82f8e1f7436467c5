import type { Account } from '../../entities/accounts';
import type { FieldMessages, FormFields } from '../../lib/field-errors';
import { centsFromDecimal } from '../../lib/money';
import { amount, firstProblems, present } from '../../lib/validators';
import type { NewTransfer } from './api/create-transfer';

/** The transfer form as typed; amounts are text until submitted. */
export interface TransferFormValues {
  fromAccountId: string;
  toAccountId: string;
  amount: string;
  /** What arrives, in the to-account's currency: asked only when the currencies differ. */
  toAmount: string;
  occurredOn: string;
  description: string;
}

export type TransferField = keyof TransferFormValues;

export const TRANSFER_FIELDS: FormFields<TransferField> = {
  fromAccountId: { label: 'From' },
  toAccountId: { label: 'To' },
  amount: { label: 'Amount', api: 'amountCents' },
  toAmount: { label: 'Amount received', api: 'toAmountCents' },
  occurredOn: { label: 'Date' },
  description: { label: 'Description' },
};

export type CheckedTransfer =
  { ok: true; body: NewTransfer } | { ok: false; errors: FieldMessages<TransferField> };

/** A transfer from the first open account to the second, today. */
export const newTransferValues = (
  accounts: readonly Account[],
  today: string,
): TransferFormValues => ({
  fromAccountId: accounts[0]?.id ?? '',
  toAccountId: accounts[1]?.id ?? '',
  amount: '',
  toAmount: '',
  occurredOn: today,
  description: '',
});

/** The two accounts' currencies differ: the amount received must be given. */
export const crossesCurrencies = (from?: Account, to?: Account) =>
  Boolean(from && to && from.currency !== to.currency);

const differentAccounts =
  (fromAccountId: string) =>
  (toAccountId: string): string | undefined =>
    toAccountId === fromAccountId ? 'Choose another account than the one it leaves' : undefined;

/** The body the API takes, or why the form cannot send it yet. */
export function toTransferBody(
  values: TransferFormValues,
  accounts: readonly Account[],
): CheckedTransfer {
  const from = accounts.find(({ id }) => id === values.fromAccountId);
  const to = accounts.find(({ id }) => id === values.toAccountId);
  const exchanged = crossesCurrencies(from, to);
  const errors = firstProblems(values, {
    fromAccountId: [present('Choose the account the money leaves')],
    toAccountId: [
      present('Choose the account the money reaches'),
      differentAccounts(values.fromAccountId),
    ],
    amount: [amount],
    ...(exchanged ? { toAmount: [amount] } : {}),
    occurredOn: [present('Enter the date of the transfer')],
  });
  const amountCents = centsFromDecimal(values.amount);
  const toAmountCents = exchanged ? centsFromDecimal(values.toAmount) : amountCents;
  if (Object.keys(errors).length > 0 || !amountCents || !toAmountCents)
    return { ok: false, errors };
  const description = values.description.trim();
  return {
    ok: true,
    body: {
      fromAccountId: values.fromAccountId,
      toAccountId: values.toAccountId,
      amountCents,
      toAmountCents,
      occurredOn: values.occurredOn,
      ...(description ? { description } : {}),
    },
  };
}
