/**
 * What the API client and the logger need from the signed-in session. lib knows no feature: the
 * session feature implements this, and the start-up (main.tsx, and test-setup.ts for tests)
 * provides it with `provideSessionAccess`.
 */
export interface SessionAccess {
  /** The access token to send, or null when no one is signed in. */
  accessToken(): string | null;
  /** Milliseconds since the epoch when the access token expires; null when there is none. */
  expiresAt(): number | null;
  /** Whether a refresh token is stored, so a refresh can be tried. */
  canRefresh(): boolean;
  /**
   * Trades the refresh token for a new session (calls made meanwhile share one). Resolves false,
   * signed out, when the API refuses the token.
   */
  refresh(): Promise<boolean>;
}

/** Until the start-up provides the session: no token, nothing to refresh. */
const noSession: SessionAccess = {
  accessToken: () => null,
  expiresAt: () => null,
  canRefresh: () => false,
  refresh: async () => false,
};

let provided: SessionAccess = noSession;

/** Called once at start-up with the session feature's implementation. */
export function provideSessionAccess(access: SessionAccess): void {
  provided = access;
}

/** The session as provided at start-up. */
export const sessionAccess = (): SessionAccess => provided;
