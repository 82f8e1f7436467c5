import type { components } from '@ledgerlens/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterCategoryChange } from './category-keys';

export type CreateCategoryInput = components['schemas']['CreateCategoryDto'];

export const createCategory = (body: CreateCategoryInput) =>
  unwrap(api.POST('/api/v1/categories', { body }));

export function useCreateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCategory,
    onSuccess: () => invalidateAfterCategoryChange(queryClient),
  });
}
