import { NavLink, Outlet } from 'react-router';
import './admin.css';

export interface AdminPage {
  to: string;
  label: string;
  description: string;
  /** Active on this exact path only (the log dashboard lives under the logs' path). */
  end?: boolean;
}

/** The admin console's pages, in the order admins follow a problem: logs, errors, timing, trail. */
export const ADMIN_PAGES: AdminPage[] = [
  {
    to: '/admin/logs',
    label: 'Logs',
    description:
      'Search API and browser logs by level, source, module and trace ID; follow them live.',
    end: true,
  },
  {
    to: '/admin/logs/overview',
    label: 'Log dashboard',
    description: 'Log volume by level, the top error messages, response time and exception trends.',
  },
  {
    to: '/admin/exceptions',
    label: 'Exceptions',
    description: 'Errors grouped by fingerprint, with stack traces, occurrences and resolution.',
  },
  {
    to: '/admin/performance',
    label: 'Performance',
    description: 'Request and query latency percentiles, error rates and the slowest requests.',
  },
  {
    to: '/admin/audit',
    label: 'Audit logs',
    description: 'Who did what, when and from where: filter, inspect and export.',
  },
  {
    to: '/admin/events',
    label: 'Events',
    description: 'The stream of audited operations across the system as they happen.',
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
