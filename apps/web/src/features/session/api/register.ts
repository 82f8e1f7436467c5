import type { components } from '@ledgerlens/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ApiError } from '../../../lib/api-error';
import type { AuthSession } from '../session-store';
import { sessionFrom, useStartSession } from './session-answer';

export type Registration = components['schemas']['RegisterDto'];

export const register = (registration: Registration): Promise<AuthSession> =>
  sessionFrom(api.POST('/api/v1/auth/register', { body: registration }));

/** Creates an account and stores its first session. */
export function useRegister() {
  const startSession = useStartSession();
  return useMutation<AuthSession, ApiError | Error, Registration>({
    mutationFn: register,
    onSuccess: startSession,
  });
}
