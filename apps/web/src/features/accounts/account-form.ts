import type { Account, AccountKind } from '../../entities/accounts';
import type { FieldMessages, FormFields } from '../../lib/field-errors';
import { currencyCode, firstProblems, present } from '../../lib/validators';
import type { NewAccount, SaveAccountRequest } from './api/save-account';
import { signedAmount, signedCentsFromDecimal, signedDecimalFromCents } from './signed-amount';

/** The account form's fields as typed; the opening balance is text until submitted. */
export interface AccountFormValues {
  name: string;
  kind: AccountKind;
  currency: string;
  openingBalance: string;
  openingDate: string;
}

export type AccountField = keyof AccountFormValues;

/** The form's fields: their labels, and the API's name where it differs. */
export const ACCOUNT_FIELDS: FormFields<AccountField> = {
  name: { label: 'Name' },
  kind: { label: 'Kind' },
  currency: { label: 'Currency' },
  openingBalance: { label: 'Opening balance', api: 'openingBalanceCents' },
  openingDate: { label: 'Opening date' },
};

export type CheckedAccount =
  { ok: true; request: SaveAccountRequest } | { ok: false; errors: FieldMessages<AccountField> };

/** A new checking account in `currency`, opening today at zero. */
export const newAccountValues = (currency: string, today: string): AccountFormValues => ({
  name: '',
  kind: 'checking',
  currency,
  openingBalance: '0',
  openingDate: today,
});

export const accountValues = (account: Account): AccountFormValues => ({
  name: account.name,
  kind: account.kind,
  currency: account.currency,
  openingBalance: signedDecimalFromCents(account.openingBalanceCents),
  openingDate: account.openingDate,
});

/**
 * What to ask the API for (a new account, or changes to `editing`), or why the form cannot send
 * it yet. An account's currency is set when it is created (its transactions are in it), so
 * changes leave it out.
 */
export function toAccountRequest(values: AccountFormValues, editing?: Account): CheckedAccount {
  const errors = firstProblems(values, {
    name: [present('Enter a name, such as Everyday checking')],
    ...(editing ? {} : { currency: [currencyCode] }),
    openingBalance: [signedAmount],
    openingDate: [present('Enter the date of the opening balance')],
  });
  const openingBalanceCents = signedCentsFromDecimal(values.openingBalance);
  if (Object.keys(errors).length > 0 || openingBalanceCents === null) return { ok: false, errors };
  const body: NewAccount = {
    name: values.name.trim(),
    kind: values.kind,
    currency: values.currency.trim().toUpperCase(),
    openingBalanceCents,
    openingDate: values.openingDate,
  };
  if (!editing) return { ok: true, request: { body } };
  const { currency: _fixed, ...changes } = body;
  return { ok: true, request: { id: editing.id, changes } };
}
