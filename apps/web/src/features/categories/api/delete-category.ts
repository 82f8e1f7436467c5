import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterCategoryChange } from './category-keys';

export const deleteCategory = (id: string) =>
  unwrap(api.DELETE('/api/v1/categories/{id}', { params: { path: { id } } }));

export function useDeleteCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCategory,
    onSuccess: () => invalidateAfterCategoryChange(queryClient),
  });
}
