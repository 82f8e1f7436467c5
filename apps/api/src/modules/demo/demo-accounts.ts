import type { AccountKind } from '@ledgerlens/contracts';

export interface DemoAccount {
  name: string;
  kind: AccountKind;
  openingBalanceCents: number;
}

/** The demo user's accounts; the first takes the day-to-day history and the recurring rules. */
export const DEMO_ACCOUNTS: [DemoAccount, ...DemoAccount[]] = [
  { name: 'Everyday checking', kind: 'checking', openingBalanceCents: 250_000 },
  { name: 'Savings', kind: 'savings', openingBalanceCents: 800_000 },
  { name: 'Credit card', kind: 'credit_card', openingBalanceCents: -35_000 },
];
