import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { ApiError, errorMessageOf } from '../../../lib/api-error';
import { toast } from '../../toasts';
import { useSession } from '../session-store';

/** Revokes the access token and its refresh tokens on the API. */
export const signOut = (): Promise<void> => unwrap(api.POST('/api/v1/auth/logout'));

/**
 * Signs out. This device forgets the session and the cached data whatever the API answers: the
 * user asked to leave. The session guard then shows sign-in (without `next`: nothing to resume).
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: (_data, error) => {
      useSession.getState().signedOut('signed-out');
      queryClient.clear();
      // A 401 means the API had already ended the session; anything else left it valid there.
      if (error && !(error instanceof ApiError && error.status === 401)) {
        toast.error(
          `Signed out on this device, but the server did not confirm it: ${errorMessageOf(error)}`,
          error,
        );
      }
    },
  });
}
