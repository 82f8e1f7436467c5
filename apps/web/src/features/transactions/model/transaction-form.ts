import type { FormFields } from '../../../lib/field-errors';
import { centsFromDecimal, decimalFromCents } from '../../../lib/money';
import { amount, currencyCode, firstProblems, present } from '../../../lib/validators';
import type { NewTransaction, Transaction, TransactionType } from '../api/types';
import { todayIso } from '../../../lib/today';

/** The form as typed: strings, amount in decimal. */
export interface TransactionDraft {
  description: string;
  amount: string;
  currency: string;
  occurredOn: string;
  categoryId: string;
  type: TransactionType;
  notes: string;
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
};

export function draftOf(
  transaction: Transaction | null,
  defaultCurrency: string,
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
    };
  }
  return {
    description: transaction.description,
    amount: decimalFromCents(transaction.amountCents),
    currency: transaction.currency,
    occurredOn: transaction.occurredOn,
    categoryId: transaction.categoryId ?? '',
    type: transaction.type,
    notes: transaction.notes ?? '',
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
  return { body };
}
