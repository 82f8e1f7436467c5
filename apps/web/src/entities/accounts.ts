import type { components } from '@ledgerlens/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../lib/api-client';
import { fetchAllPages, MAX_PAGE_SIZE } from '../lib/fetch-all-pages';

/**
 * The user's accounts as every feature reads them (the Accounts page manages them; transactions
 * pick one and name the other side of a transfer), so all share one query and cache.
 */
export type Account = components['schemas']['AccountDto'];
export type AccountKind = Account['kind'];

export const accountKeys = {
  all: ['accounts'] as const,
  list: () => [...accountKeys.all, 'list'] as const,
};

/** Every account of the user, open ones first, each by name (the API's order). */
export const getAccounts = (): Promise<Account[]> =>
  fetchAllPages((page) =>
    unwrap(api.GET('/api/v1/accounts', { params: { query: { page, limit: MAX_PAGE_SIZE } } })),
  );

export const accountsQueryOptions = () =>
  queryOptions({ queryKey: accountKeys.list(), queryFn: getAccounts });

export const useAccounts = () => useQuery(accountsQueryOptions());

/** The accounts that take new entries: the open ones. */
export const useOpenAccounts = () =>
  useQuery({
    ...accountsQueryOptions(),
    select: (accounts) => accounts.filter((account) => !account.archived),
  });
