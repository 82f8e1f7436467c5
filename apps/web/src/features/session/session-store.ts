import type { components } from '@ledgerlens/contracts';
import { create } from 'zustand';

export type SessionUser = components['schemas']['UserDto'];
export type AuthSession = components['schemas']['AuthSessionDto'];

/** Where the refresh token survives a reload; the access token lives in memory only (ADR 0012). */
export const REFRESH_TOKEN_KEY = 'ledgerlens.refreshToken';

/** Why there is no session: the user signed out, or the API refused to renew it. */
export type SessionEnd = 'signed-out' | 'expired';

interface SessionState {
  accessToken: string | null;
  user: SessionUser | null;
  /** Milliseconds since the epoch when the access token expires. */
  expiresAt: number | null;
  /** How the last session ended, so sign-in can explain an expired one; null while signed in. */
  ended: SessionEnd | null;
  /** Stores a session from sign-in, registration or refresh. */
  signedIn(session: AuthSession): void;
  /** Forgets the session (sign-out, or a refresh that failed: `'expired'`). */
  signedOut(reason?: SessionEnd): void;
}

const initialState = { accessToken: null, user: null, expiresAt: null, ended: null };

export const useSession = create<SessionState>()((set) => ({
  ...initialState,
  signedIn: (session) => {
    localStorage.setItem(REFRESH_TOKEN_KEY, session.refreshToken);
    set({
      accessToken: session.accessToken,
      user: session.user,
      expiresAt: Date.now() + session.expiresIn * 1000,
      ended: null,
    });
  },
  signedOut: (reason = 'signed-out') => {
    localStorage.removeItem(REFRESH_TOKEN_KEY);
    set({ ...initialState, ended: reason });
  },
}));

/** Back to no session, for tests. */
export function resetSession(): void {
  localStorage.removeItem(REFRESH_TOKEN_KEY);
  useSession.setState(initialState);
}

export const isAdmin = (user: SessionUser | null): boolean => user?.role === 'admin';

/** Whether a reload can restore the session (a refresh token is stored). */
export const hasStoredSession = (): boolean => localStorage.getItem(REFRESH_TOKEN_KEY) !== null;
