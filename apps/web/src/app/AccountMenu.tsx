import { NotificationSettingsLink } from '../features/preferences';
import { disconnectRealtime } from '../features/realtime';
import { isAdmin, useSession, useSignOut } from '../features/session';

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');

/** Who is signed in, their notification settings, and the way out. */
export function AccountMenu() {
  const user = useSession((state) => state.user);
  const signOut = useSignOut();
  if (!user) return null;
  return (
    <div className="account">
      <span className="account__avatar" aria-hidden="true">
        {initialsOf(user.displayName)}
      </span>
      <span className="account__who" title={user.email}>
        <span className="account__name">{user.displayName}</span>
        <span className="account__email">{user.email}</span>
      </span>
      {isAdmin(user) && <span className="badge account__role">Admin</span>}
      <NotificationSettingsLink />
      <button
        type="button"
        className="button button--ghost account__sign-out"
        aria-disabled={signOut.isPending || undefined}
        onClick={() => {
          if (signOut.isPending) return;
          // Live updates stop first: the socket must not try to renew the session being ended.
          disconnectRealtime();
          signOut.mutate();
        }}
      >
        {signOut.isPending ? 'Signing out…' : 'Sign out'}
      </button>
    </div>
  );
}
