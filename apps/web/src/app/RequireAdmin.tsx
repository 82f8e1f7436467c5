import { Link, Outlet } from 'react-router';
import { isAdmin, useSession } from '../features/session';

/** The admin area: its pages for admins, a plain refusal for everyone else. */
export function RequireAdmin() {
  const admin = useSession((state) => isAdmin(state.user));
  return admin ? <Outlet /> : <AdminsOnlyPage />;
}

function AdminsOnlyPage() {
  return (
    <section className="notice-page">
      <h1>Admins only</h1>
      <p>
        The admin area (logs, exceptions, performance and audit trails) is open to administrators.
        Your account can use everything else in Ledgerlens.
      </p>
      <p>
        <Link to="/">Go to your dashboard</Link>
      </p>
    </section>
  );
}
