import type { components } from '@ledgerlens/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { fetchAllPages, MAX_PAGE_SIZE } from '../../../lib/fetch-all-pages';
import { recurringKeys } from './recurring-keys';

export type RecurringRule = components['schemas']['RecurringRuleDto'];
export type Frequency = RecurringRule['frequency'];

/** Every recurring rule of the user, oldest first. */
export const getRecurringRules = (): Promise<RecurringRule[]> =>
  fetchAllPages((page) =>
    unwrap(api.GET('/api/v1/recurring', { params: { query: { page, limit: MAX_PAGE_SIZE } } })),
  );

export const recurringRulesQueryOptions = () =>
  queryOptions({ queryKey: recurringKeys.rules(), queryFn: getRecurringRules });

export const useRecurringRules = () => useQuery(recurringRulesQueryOptions());
