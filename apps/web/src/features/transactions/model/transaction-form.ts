import type { FormFields } from '../../../lib/field-errors';
import { centsFromDecimal, decimalFromCents } from '../../../lib/money';
import { amount, currencyCode, firstProblems, present } from '../../../lib/validators';
import type { Account } from '../../../entities/accounts';
import type { EntryType, NewTransaction, Transaction } from '../api/types';
import { todayIso } from '../../../lib/today';

/** The form as typed: strings, amount in decimal. */
export interface TransactionDraft {
  description: string;
  amount: string;
  currency: string;
  occurredOn: string;
  categoryId: string;
  type: EntryType;
  notes: string;
  /** Empty for the default account of the currency. */
  accountId: string;
}
export type DraftField = keyof TransactionDraft;
export type DraftErrors = Partial<Record<DraftField, string>>;

/** The form's fields: their labels, and the API's name where it differs. */
export const TRANSACTION_FIELDS: FormFields<DraftField> = {
  description: { label: 'Description' },
  amount: { label: 'Amount', api: 'amountCents' },
  currency: { label: 'Currency' },
  occurredOn: { label: 'Date' },
  categoryId: { label: 'Category' },
  type: { label: 'Type' },
  notes: { label: 'Notes' },
  accountId: { label: 'Account' },
};

/** The open accounts a transaction in `currency` can go to: the first is the default. */
export const accountsIn = (accounts: readonly Account[], currency: string) =>
  accounts.filter((account) => !account.archived && account.currency === currency);

export function draftOf(
  transaction: Transaction | null,
  defaultCurrency: string,
  accounts: readonly Account[],
): TransactionDraft {
  if (!transaction) {
    return {
      description: '',
      amount: '',
      currency: defaultCurrency,
      occurredOn: todayIso(),
      categoryId: '',
      type: 'expense',
      notes: '',
      accountId: accountsIn(accounts, defaultCurrency)[0]?.id ?? '',
    };
  }
  return {
    description: transaction.description,
    amount: decimalFromCents(transaction.amountCents),
    currency: transaction.currency,
    occurredOn: transaction.occurredOn,
    categoryId: transaction.categoryId ?? '',
    // Only entries open in this form; transfers and adjustments are changed on their own.
    type: transaction.type === 'income' ? 'income' : 'expense',
    notes: transaction.notes ?? '',
    accountId: transaction.accountId,
  };
}

/**
 * The API's body from the draft, or what to fix first. The amount matters most: the API cannot
 * tell "12,50" typed from 1250 sent. The API judges the rest (a currency that does not exist, a
 * deleted category). With a category the type is left out: it follows the category's kind.
 */
export function requestOf(
  draft: TransactionDraft,
): { body: NewTransaction; errors?: never } | { body?: never; errors: DraftErrors } {
  const errors = firstProblems(draft, {
    description: [present('Enter a description')],
    amount: [amount],
    currency: [currencyCode],
    occurredOn: [present('Enter the date')],
  });
  const amountCents = centsFromDecimal(draft.amount);
  if (Object.keys(errors).length > 0 || !amountCents) return { errors };
  const body: NewTransaction = {
    description: draft.description,
    amountCents,
    currency: draft.currency,
    occurredOn: draft.occurredOn,
    categoryId: draft.categoryId || null,
    notes: draft.notes.trim() || null,
  };
  if (!draft.categoryId) body.type = draft.type;
  if (draft.accountId) body.accountId = draft.accountId;
  return { body };
}
