import type { components } from '@ledgerlens/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ApiError } from '../../../lib/api-error';
import type { AuthSession } from '../session-store';
import { sessionFrom, useStartSession } from './session-answer';

export type Credentials = components['schemas']['LoginDto'];

export const signIn = (credentials: Credentials): Promise<AuthSession> =>
  sessionFrom(api.POST('/api/v1/auth/login', { body: credentials }));

/** Signs in and stores the session. */
export function useSignIn() {
  const startSession = useStartSession();
  return useMutation<AuthSession, ApiError | Error, Credentials>({
    mutationFn: signIn,
    onSuccess: startSession,
  });
}
