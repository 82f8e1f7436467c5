import type { AccountKind } from '@ledgerlens/contracts';

export interface DemoAccount {
  name: string;
  kind: AccountKind;
  openingBalanceCents: number;
}

/**
 * The demo user's accounts; the first takes the day-to-day history and the recurring rules, and
 * pays into the others each month (see `demoTransfers`).
 */
export const DEMO_ACCOUNTS: [DemoAccount, ...DemoAccount[]] = [
  { name: 'Everyday checking', kind: 'checking', openingBalanceCents: 250_000 },
  { name: 'Savings', kind: 'savings', openingBalanceCents: 800_000 },
  { name: 'Credit card', kind: 'credit_card', openingBalanceCents: -35_000 },
];

/** A monthly transfer from the first demo account to another. */
export interface DemoTransfer {
  to: string;
  amountCents: number;
  day: number;
  description: string;
}

export const DEMO_TRANSFERS: DemoTransfer[] = [
  { to: 'Savings', amountCents: 40_000, day: 2, description: 'Monthly saving' },
  { to: 'Credit card', amountCents: 35_000, day: 15, description: 'Credit card payment' },
];

/** Each transfer's days from the month of `from` through `today` (UTC days, `YYYY-MM-DD`). */
export function demoTransferDays(from: string, today: Date, day: number): string[] {
  const days: string[] = [];
  const [year, month] = from.split('-').map(Number) as [number, number];
  for (let index = 0; ; index++) {
    const date = new Date(Date.UTC(year, month - 1 + index, day));
    if (date > today) return days;
    const iso = date.toISOString().slice(0, 10);
    if (iso >= from) days.push(iso);
  }
}
