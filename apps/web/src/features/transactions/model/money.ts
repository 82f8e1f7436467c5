import type { TransactionType } from '../api/types';

const ADDING: readonly TransactionType[] = ['income', 'transfer_in', 'adjustment_in'];

/** Net effect on the balance: income and what comes in add; expense and what goes out take away. */
export const signedCents = (amountCents: number, type: TransactionType) =>
  ADDING.includes(type) ? amountCents : -amountCents;

/** Entered by the user as income or spending, not a transfer's side or an adjustment. */
export const isEntry = (type: TransactionType) => type === 'expense' || type === 'income';
