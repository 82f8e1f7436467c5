import type { FieldMessages, FormFields } from '../../lib/field-errors';
import { firstProblems, present } from '../../lib/validators';
import type { ReconcileRequest } from './api/reconcile-account';
import { signedAmount, signedCentsFromDecimal } from './signed-amount';

/** A statement as typed: its closing balance (may be negative) and its date. */
export interface ReconcileFormValues {
  statementBalance: string;
  statementDate: string;
}

export type ReconcileField = keyof ReconcileFormValues;

export const RECONCILE_FIELDS: FormFields<ReconcileField> = {
  statementBalance: { label: 'Statement balance', api: 'statementBalanceCents' },
  statementDate: { label: 'Statement date' },
};

export type CheckedStatement =
  { ok: true; body: ReconcileRequest } | { ok: false; errors: FieldMessages<ReconcileField> };

/** The statement to compare with the ledger, or why the form cannot send it yet. */
export function toStatementBody(values: ReconcileFormValues): CheckedStatement {
  const errors = firstProblems(values, {
    statementBalance: [signedAmount],
    statementDate: [present('Enter the date of the statement')],
  });
  const statementBalanceCents = signedCentsFromDecimal(values.statementBalance);
  if (Object.keys(errors).length > 0 || statementBalanceCents === null) {
    return { ok: false, errors };
  }
  return { ok: true, body: { statementBalanceCents, statementDate: values.statementDate } };
}
