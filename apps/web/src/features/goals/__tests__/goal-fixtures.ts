import { DEFAULT_PREFERENCES, type components } from '@ledgerlens/contracts';

type GoalDto = components['schemas']['GoalDto'];
type AccountDto = components['schemas']['AccountDto'];

let sequence = 0;
const nextId = () => {
  sequence += 1;
  return `00000000-0000-4000-e000-${String(sequence).padStart(12, '0')}`;
};

/** A manual holiday goal a quarter of the way there; override what the test cares about. */
export function aGoal(
  overrides: Partial<Omit<GoalDto, 'progress'>> = {},
  progress: Partial<GoalDto['progress']> = {},
): GoalDto {
  return {
    id: nextId(),
    name: 'Holiday',
    targetCents: 150_000,
    currency: 'EUR',
    targetDate: '2027-06-30',
    accountId: null,
    reachedOn: null,
    createdAt: '2026-09-01T10:00:00.000Z',
    updatedAt: '2026-09-01T10:00:00.000Z',
    ...overrides,
    progress: {
      savedCents: '37500',
      remainingCents: '112500',
      percent: 25,
      neededPerMonthCents: '16072',
      paceCents: '18750',
      projectedMonth: '2027-05',
      reached: false,
      ...progress,
    },
  };
}

export function anAccount(overrides: Partial<AccountDto> = {}): AccountDto {
  return {
    id: nextId(),
    name: 'Savings',
    kind: 'savings',
    currency: 'EUR',
    openingBalanceCents: 0,
    openingDate: '2026-01-01',
    archived: false,
    lastReconciledOn: null,
    reconciledBalanceCents: null,
    balanceCents: '0',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

/** One page of `items`, as the API's list routes answer. */
export const aPage = <T>(items: T[]) => ({ items, total: items.length, page: 1, limit: 100 });

/** The signed-in user's preferences, with `defaultCurrency`. */
export const preferencesWith = (defaultCurrency: string) => ({
  budgetAlertEmails: false,
  ...DEFAULT_PREFERENCES,
  defaultCurrency,
});
