import type { CategoryKind } from '../categories';

export interface DemoCategory {
  name: string;
  kind: CategoryKind;
  color: string;
  /** Typical amounts in cents and how often a month they occur. */
  amounts: [min: number, max: number];
  perMonth: number;
}

export const DEMO_CATEGORIES: DemoCategory[] = [
  { name: 'Salary', kind: 'income', color: '#16a34a', amounts: [320_000, 320_000], perMonth: 1 },
  { name: 'Freelance', kind: 'income', color: '#22c55e', amounts: [20_000, 90_000], perMonth: 1 },
  { name: 'Rent', kind: 'expense', color: '#7c3aed', amounts: [115_000, 115_000], perMonth: 1 },
  { name: 'Groceries', kind: 'expense', color: '#f97316', amounts: [1_800, 9_500], perMonth: 8 },
  { name: 'Dining out', kind: 'expense', color: '#ef4444', amounts: [1_200, 6_500], perMonth: 5 },
  { name: 'Transport', kind: 'expense', color: '#0ea5e9', amounts: [250, 4_500], perMonth: 6 },
  { name: 'Utilities', kind: 'expense', color: '#64748b', amounts: [4_000, 12_000], perMonth: 2 },
  { name: 'Entertainment', kind: 'expense', color: '#ec4899', amounts: [900, 7_000], perMonth: 3 },
];

const DESCRIPTIONS: Record<string, string[]> = {
  Salary: ['Monthly salary'],
  Freelance: ['Design project', 'Consulting invoice', 'Workshop fee'],
  Rent: ['Apartment rent'],
  Groceries: ['Supermarket', 'Farmers market', 'Bakery', 'Organic shop'],
  'Dining out': ['Pizzeria', 'Sushi bar', 'Coffee with friends', 'Lunch downtown'],
  Transport: ['Metro card top-up', 'Taxi', 'Fuel', 'Bike repair'],
  Utilities: ['Electricity bill', 'Internet', 'Water bill', 'Phone plan'],
  Entertainment: ['Cinema', 'Concert tickets', 'Streaming subscription', 'Books'],
};

export interface DemoTransaction {
  category: string;
  amountCents: number;
  description: string;
  occurredOn: string;
}

/** A small deterministic generator, so every demo database looks the same. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Transactions for the current month up to `today` and the `months` months before it. */
export function demoTransactions(today: Date, months = 4): DemoTransaction[] {
  const random = seededRandom(20_260_101);
  const transactions: DemoTransaction[] = [];
  for (let back = months; back >= 0; back--) {
    const monthStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
    const daysInMonth = new Date(
      Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 1, 0),
    ).getUTCDate();
    const lastDay = back === 0 ? today.getUTCDate() : daysInMonth;
    for (const category of DEMO_CATEGORIES) {
      for (let n = 0; n < category.perMonth; n++) {
        const day = 1 + Math.floor(random() * lastDay);
        const [min, max] = category.amounts;
        const descriptions = DESCRIPTIONS[category.name];
        transactions.push({
          category: category.name,
          amountCents: min + Math.round((random() * (max - min)) / 10) * 10,
          description: descriptions[Math.floor(random() * descriptions.length)],
          occurredOn: isoDate(
            new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth(), day)),
          ),
        });
      }
    }
  }
  return transactions;
}

export const DEMO_BUDGETS = [
  { category: 'Groceries', period: 'monthly', limitCents: 45_000 },
  { category: 'Dining out', period: 'monthly', limitCents: 15_000 },
  { category: 'Transport', period: 'weekly', limitCents: 4_000 },
  { category: null, period: 'monthly', limitCents: 250_000 },
] as const;

/**
 * Rent, salary and a subscription as recurring rules. They start tomorrow: the history above
 * already holds this month's bookings up to today.
 */
export const DEMO_RECURRING_RULES = [
  { name: 'Apartment rent', category: 'Rent', amountCents: 115_000, schedule: { dayOfMonth: 1 } },
  {
    name: 'Monthly salary',
    category: 'Salary',
    amountCents: 320_000,
    schedule: { lastDayOfMonth: true },
  },
  {
    name: 'Streaming subscription',
    category: 'Entertainment',
    amountCents: 1_299,
    schedule: { dayOfMonth: 15 },
  },
] as const;

/** The day after `today`, where the demo's recurring rules start. */
export function demoRecurringStart(today: Date): string {
  return isoDate(
    new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1)),
  );
}

export const DEMO_LOGINS = {
  admin: {
    email: 'admin@ledgerlens.local',
    password: 'ledgerlens-admin',
    displayName: 'Demo Admin',
  },
  user: { email: 'demo@ledgerlens.local', password: 'ledgerlens-demo', displayName: 'Demo User' },
} as const;
