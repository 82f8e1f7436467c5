import type { SessionAccess } from '../../lib/session-access';
import { refreshSession } from './refresh-session';
import { hasStoredSession, useSession } from './session-store';

/** The signed-in session as the API client and the logger see it (provided at start-up). */
export const sessionAccess: SessionAccess = {
  accessToken: () => useSession.getState().accessToken,
  expiresAt: () => useSession.getState().expiresAt,
  canRefresh: hasStoredSession,
  refresh: refreshSession,
};
