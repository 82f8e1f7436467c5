import type { AuthSession, SessionUser } from '../../features/session';

let sequence = 0;

/** A user as the API describes one; override what the test cares about. */
export function aUser(overrides: Partial<SessionUser> = {}): SessionUser {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    email: `user${sequence}@example.com`,
    displayName: `User ${sequence}`,
    role: 'user',
    createdAt: '2026-01-05T10:00:00.000Z',
    ...overrides,
  };
}

/** A session as sign-in, registration and refresh answer it. */
export function aSession(overrides: Partial<AuthSession> = {}): AuthSession {
  return {
    accessToken: 'access-token',
    refreshToken: 'refresh-token',
    expiresIn: 900,
    user: aUser(),
    ...overrides,
  };
}
