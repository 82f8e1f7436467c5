import type { FieldMessages, FormFields } from '../../lib/field-errors';
import { centsFromDecimal } from '../../lib/money';
import { amount, firstProblems } from '../../lib/validators';
import type { ContributionInput } from './api/add-contribution';

/** A contribution as typed: money put aside (`in`) or taken out (`out`). */
export interface ContributionFormValues {
  direction: 'in' | 'out';
  amount: string;
  contributedOn: string;
  note: string;
}

export type ContributionField = keyof ContributionFormValues;

export const CONTRIBUTION_FIELDS: FormFields<ContributionField> = {
  direction: { label: 'Kind' },
  amount: { label: 'Amount', api: 'amountCents' },
  contributedOn: { label: 'Date' },
  note: { label: 'Note' },
};

export type CheckedContribution =
  { ok: true; body: ContributionInput } | { ok: false; errors: FieldMessages<ContributionField> };

export const newContributionValues = (today: string): ContributionFormValues => ({
  direction: 'in',
  amount: '',
  contributedOn: today,
  note: '',
});

/** The body the API takes (a withdrawal negative), or why the form cannot send it yet. */
export function toContributionBody(values: ContributionFormValues): CheckedContribution {
  const errors = firstProblems(values, { amount: [amount] });
  const cents = centsFromDecimal(values.amount);
  if (Object.keys(errors).length > 0 || !cents) return { ok: false, errors };
  return {
    ok: true,
    body: {
      amountCents: values.direction === 'out' ? -cents : cents,
      ...(values.contributedOn ? { contributedOn: values.contributedOn } : {}),
      note: values.note.trim() || null,
    },
  };
}
