import { ApiError, errorMessageOf } from '../../../lib/api-error';
import type { NewTransaction, Transaction, TransactionType } from '../api/types';
import { todayIso } from './dates';
import { centsFromDecimal, decimalFromCents } from '../../../lib/money';

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

export const AMOUNT_MESSAGE = 'Enter a positive amount such as 12.50';

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
 * The API's body from the draft, or the amount's error when it is not an amount (the one check
 * made here: the API cannot tell "12,50" typed from 1250 sent). Everything else the API judges.
 * With a category the type is left out: it follows the category's kind.
 */
export function requestOf(
  draft: TransactionDraft,
): { body: NewTransaction; errors?: never } | { body?: never; errors: DraftErrors } {
  const amountCents = centsFromDecimal(draft.amount);
  if (!amountCents) return { errors: { amount: AMOUNT_MESSAGE } };
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

/** The API's body fields, by the form field that shows their messages. */
const API_FIELDS: Record<DraftField, string> = {
  description: 'description',
  amount: 'amountCents',
  currency: 'currency',
  occurredOn: 'occurredOn',
  categoryId: 'categoryId',
  type: 'type',
  notes: 'notes',
};

/**
 * A refused save, as messages next to its fields, plus one for the form when no field
 * explains it (a network failure, a category deleted meanwhile).
 */
export function errorsOfRefusal(error: unknown): { fields: DraftErrors; form: string | null } {
  const fields: DraftErrors = {};
  if (error instanceof ApiError) {
    for (const [field, apiField] of Object.entries(API_FIELDS) as [DraftField, string][]) {
      const message = error.fieldMessage(apiField);
      if (message) fields[field] = message;
    }
  }
  const explained = Object.keys(fields).length > 0;
  return { fields, form: explained ? null : errorMessageOf(error) };
}
