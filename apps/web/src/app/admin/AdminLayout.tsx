import { NavLink, Outlet } from 'react-router';
import './admin.css';

export interface AdminPage {
  to: string;
  label: string;
  /** Active on this exact path only (the log dashboard lives under the logs' path). */
  end?: boolean;
}

/** The admin console's pages, in the order admins follow a problem: logs, errors, timing, trail. */
export const ADMIN_PAGES: AdminPage[] = [
  {
    to: '/admin/logs',
    label: 'Logs',
    end: true,
  },
  {
    to: '/admin/logs/overview',
    label: 'Log dashboard',
  },
  {
    to: '/admin/exceptions',
    label: 'Exceptions',
  },
  {
    to: '/admin/performance',
    label: 'Performance',
  },
  {
    to: '/admin/alerts',
    label: 'Alerts',
  },
  {
    to: '/admin/audit',
    label: 'Audit logs',
  },
  {
    to: '/admin/events',
    label: 'Events',
  },
];

/** The admin area's frame: its own navigation above each page. Loaded only by admins. */
export function AdminLayout() {
  return (
    <div className="admin-layout">
      <nav aria-label="Admin" className="admin-nav">
        <ul className="admin-nav__list">
          <li>
            <NavLink to="/admin" end className="admin-nav__link">
              Overview
            </NavLink>
          </li>
          {ADMIN_PAGES.map((page) => (
            <li key={page.to}>
              <NavLink to={page.to} end={page.end} className="admin-nav__link">
                {page.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
