import type { components } from '@ledgerlens/contracts';

type BudgetDto = components['schemas']['BudgetDto'];
type BudgetListDto = components['schemas']['BudgetListDto'];
type BudgetAlertDto = components['schemas']['BudgetAlertDto'];
type BudgetAlertPageDto = components['schemas']['BudgetAlertPageDto'];

let sequence = 0;
const nextId = (kind: string) => {
  sequence += 1;
  return `00000000-0000-4000-${kind}-${String(sequence).padStart(12, '0')}`;
};

/**
 * A monthly budget on all spending as the API describes one: €420 of €500 spent in November
 * 2026, on track. Override what the test cares about; keep spent, remaining, percent and status
 * consistent when changing one of them (`aBudgetAt` does it for you).
 */
export function aBudget(overrides: Partial<BudgetDto> = {}): BudgetDto {
  return {
    id: nextId('d000'),
    categoryId: null,
    period: 'monthly',
    limitCents: 50_000,
    currency: 'EUR',
    startDate: '2026-01-01',
    alertThresholds: [90, 100],
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    spentCents: '42000',
    remainingCents: '8000',
    percentUsed: 84,
    status: 'on_track',
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    ...overrides,
  };
}

/**
 * A budget whose spending, remaining, percent and status agree, as the API computes them. Sums
 * are exact decimal strings, as the API sends them: give a string past 2^53.
 */
export function aBudgetAt(
  spentCents: number | string,
  overrides: Partial<BudgetDto> = {},
): BudgetDto {
  const base = aBudget(overrides);
  const lowest = Math.min(...base.alertThresholds);
  // Rounded to hundredths, like the API's percentUsed, so a float ratio is exact enough.
  const percentUsed = Math.round((Number(spentCents) * 10_000) / base.limitCents) / 100;
  return {
    ...base,
    spentCents: String(spentCents),
    remainingCents: String(BigInt(base.limitCents) - BigInt(spentCents)),
    percentUsed,
    status: percentUsed >= 100 ? 'over' : percentUsed >= lowest ? 'warning' : 'on_track',
  };
}

/** One page of budgets, as `GET /api/v1/budgets` answers it. */
export function aBudgetList(
  items: BudgetDto[],
  overrides: Partial<BudgetListDto> = {},
): BudgetListDto {
  return { items, total: items.length, page: 1, limit: 100, ...overrides };
}

/** A threshold crossing of `budget` (its limit and an 80 % crossing unless overridden). */
export function aBudgetAlert(
  budget: BudgetDto,
  overrides: Partial<BudgetAlertDto> = {},
): BudgetAlertDto {
  return {
    id: nextId('e000'),
    budgetId: budget.id,
    periodStart: budget.periodStart,
    thresholdPercent: 80,
    spentCents: String((budget.limitCents * 80) / 100),
    limitCents: budget.limitCents,
    createdAt: '2026-11-18T09:30:00.000Z',
    ...overrides,
  };
}

/** One page of alerts, as `GET /api/v1/budgets/alerts` answers it. */
export function aBudgetAlertPage(
  items: BudgetAlertDto[],
  overrides: Partial<BudgetAlertPageDto> = {},
): BudgetAlertPageDto {
  return { items, total: items.length, page: 1, limit: 20, ...overrides };
}
