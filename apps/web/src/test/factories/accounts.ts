import type { components } from '@ledgerlens/contracts';

type AccountDto = components['schemas']['AccountDto'];

let sequence = 0;

/** An open EUR checking account holding €1,200.00 as the API describes one; override the rest. */
export function anAccount(overrides: Partial<AccountDto> = {}): AccountDto {
  sequence += 1;
  return {
    id: `00000000-0000-4000-a000-${String(sequence).padStart(12, '0')}`,
    name: `Account ${sequence}`,
    kind: 'checking',
    currency: 'EUR',
    openingBalanceCents: 0,
    openingDate: '2026-01-01',
    archived: false,
    lastReconciledOn: null,
    reconciledBalanceCents: null,
    balanceCents: '120000',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

/** One page of accounts, as `GET /api/v1/accounts` answers it. */
export const anAccountList = (items: AccountDto[]) => ({
  items,
  total: items.length,
  page: 1,
  limit: 100,
});
