import type { components } from '@ledgerlens/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { fetchAllPages, MAX_PAGE_SIZE } from '../../../lib/fetch-all-pages';

export type Account = components['schemas']['AccountDto'];

/** The accounts an import can go to: the open ones. */
const getOpenAccounts = async (): Promise<Account[]> =>
  (
    await fetchAllPages((page) =>
      unwrap(api.GET('/api/v1/accounts', { params: { query: { page, limit: MAX_PAGE_SIZE } } })),
    )
  ).filter((account) => !account.archived);

export const openAccountsQueryOptions = () =>
  queryOptions({ queryKey: ['imports', 'accounts'], queryFn: getOpenAccounts });

export const useOpenAccounts = () => useQuery(openAccountsQueryOptions());
