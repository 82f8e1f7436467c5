import { NavLink, Outlet } from 'react-router';

export function Layout() {
  return (
    <div className="shell">
      <header className="shell__header">
        <NavLink to="/" className="shell__brand">
          Ledgerlens
        </NavLink>
        <nav aria-label="Main">
          <a href="/api/docs">API docs</a>
        </nav>
      </header>
      <main className="shell__main">
        <Outlet />
      </main>
    </div>
  );
}
