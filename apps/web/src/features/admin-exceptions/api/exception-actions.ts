import type { components } from '@ledgerlens/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateExceptions } from './exception-keys';

export type IgnoreInput = components['schemas']['IgnoreExceptionDto'];
export type ResolveInput = components['schemas']['ResolveExceptionDto'];

export const resolveException = ({ id, body }: { id: string; body: ResolveInput }) =>
  unwrap(api.PUT('/api/v1/logging/exceptions/{id}/resolve', { params: { path: { id } }, body }));

export const unresolveException = (id: string) =>
  unwrap(api.PUT('/api/v1/logging/exceptions/{id}/unresolve', { params: { path: { id } } }));

export const ignoreException = ({ id, body }: { id: string; body: IgnoreInput }) =>
  unwrap(api.PUT('/api/v1/logging/exceptions/{id}/ignore', { params: { path: { id } }, body }));

function useExceptionMutation<Input>(
  mutationFn: (input: Input) => Promise<components['schemas']['ExceptionGroupDto']>,
) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => invalidateExceptions(queryClient) });
}

export const useResolveException = () => useExceptionMutation(resolveException);
export const useUnresolveException = () => useExceptionMutation(unresolveException);
export const useIgnoreException = () => useExceptionMutation(ignoreException);
