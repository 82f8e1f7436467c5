import type { TransactionType } from '../api/types';

/** Net effect on the balance: income adds, expense takes away. */
export const signedCents = (amountCents: number, type: TransactionType) =>
  type === 'income' ? amountCents : -amountCents;
