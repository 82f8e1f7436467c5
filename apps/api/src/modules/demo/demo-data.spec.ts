import { DEMO_BUDGETS, DEMO_CATEGORIES, demoTransactions } from './demo-data';

describe('demo data', () => {
  const today = new Date('2026-11-21T10:00:00Z');
  const transactions = demoTransactions(today);

  it('is the same every time', () => {
    expect(demoTransactions(today)).toEqual(transactions);
  });

  it('covers the current month and the four before it, never the future', () => {
    const months = new Set(transactions.map((t) => t.occurredOn.slice(0, 7)));
    expect([...months].sort()).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(transactions.every((t) => t.occurredOn <= '2026-11-21')).toBe(true);
  });

  it('uses positive whole cents and known categories', () => {
    const names = new Set(DEMO_CATEGORIES.map((c) => c.name));
    for (const t of transactions) {
      expect(Number.isInteger(t.amountCents) && t.amountCents > 0).toBe(true);
      expect(names.has(t.category)).toBe(true);
    }
    for (const budget of DEMO_BUDGETS)
      if (budget.category) expect(names.has(budget.category)).toBe(true);
  });
});
