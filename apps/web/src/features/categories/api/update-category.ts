import type { components } from '@ledgerlens/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterCategoryChange } from './category-keys';

export type UpdateCategoryInput = components['schemas']['UpdateCategoryDto'];

export const updateCategory = ({ id, changes }: { id: string; changes: UpdateCategoryInput }) =>
  unwrap(api.PATCH('/api/v1/categories/{id}', { params: { path: { id } }, body: changes }));

export function useUpdateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCategory,
    onSuccess: () => invalidateAfterCategoryChange(queryClient),
  });
}
