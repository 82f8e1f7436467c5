import type { components } from '@ledgerlens/contracts';

type RuleDto = components['schemas']['RecurringRuleDto'];
type UpcomingDto = components['schemas']['UpcomingOccurrenceDto'];

let sequence = 0;

/** A monthly rent rule as the API describes one; override what the test cares about. */
export function aRule(overrides: Partial<RuleDto> = {}): RuleDto {
  sequence += 1;
  return {
    id: `00000000-0000-4000-e000-${String(sequence).padStart(12, '0')}`,
    accountId: '00000000-0000-4000-a000-000000000001',
    name: 'Rent',
    description: null,
    categoryId: null,
    type: 'expense',
    amountCents: 95_000,
    currency: 'EUR',
    frequency: 'monthly',
    interval: 1,
    dayOfMonth: 1,
    lastDayOfMonth: false,
    startDate: '2026-01-01',
    endDate: null,
    occurrenceCount: null,
    paused: false,
    nextDueOn: '2026-12-01',
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    ...overrides,
  };
}

/** One page of rules, as `GET /api/v1/recurring` answers it. */
export const aRuleList = (items: RuleDto[]) => ({
  items,
  total: items.length,
  page: 1,
  limit: 100,
});

/** An occurrence of `rule` on `occursOn`, as `GET /api/v1/recurring/upcoming` lists it. */
export function anOccurrence(rule: RuleDto, occursOn: string, skipped = false): UpcomingDto {
  const { name, type, amountCents, currency, categoryId } = rule;
  return { ruleId: rule.id, name, occursOn, type, amountCents, currency, categoryId, skipped };
}
