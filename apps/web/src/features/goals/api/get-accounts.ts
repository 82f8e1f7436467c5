import type { components } from '@ledgerlens/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { fetchAllPages, MAX_PAGE_SIZE } from '../../../lib/fetch-all-pages';
import { goalKeys } from './goal-keys';

export type Account = components['schemas']['AccountDto'];

/** The user's accounts a goal can be linked to: every account, archived ones included. */
export const getAccounts = (): Promise<Account[]> =>
  fetchAllPages((page) =>
    unwrap(api.GET('/api/v1/accounts', { params: { query: { page, limit: MAX_PAGE_SIZE } } })),
  );

export const accountsQueryOptions = () =>
  queryOptions({ queryKey: goalKeys.accounts(), queryFn: getAccounts });

export const useAccounts = () => useQuery(accountsQueryOptions());
