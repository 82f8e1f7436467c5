/** The session feature's public surface: the app and other features import only these. */
export { useSignOut } from './api/sign-out';
export { signInPathFor } from './next-path';
export { refreshSession } from './refresh-session';
export { RegisterPage } from './RegisterPage';
export { sessionAccess } from './session-access';
export {
  type AuthSession,
  hasStoredSession,
  isAdmin,
  REFRESH_TOKEN_KEY,
  resetSession,
  type SessionUser,
  useSession,
} from './session-store';
export { SignInPage } from './SignInPage';
export { useSessionRestore } from './use-session-restore';
