import type { components } from '@ledgerlens/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { fetchAllPages, MAX_PAGE_SIZE } from '../../../lib/fetch-all-pages';
import { goalKeys } from './goal-keys';

export type Goal = components['schemas']['GoalDto'];

/** Every savings goal of the user with its progress, oldest first. */
export const getGoals = (): Promise<Goal[]> =>
  fetchAllPages((page) =>
    unwrap(api.GET('/api/v1/goals', { params: { query: { page, limit: MAX_PAGE_SIZE } } })),
  );

export const goalsQueryOptions = () =>
  queryOptions({ queryKey: goalKeys.list(), queryFn: getGoals });

export const useGoals = () => useQuery(goalsQueryOptions());
