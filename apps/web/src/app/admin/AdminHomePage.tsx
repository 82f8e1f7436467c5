import { Link } from 'react-router';
import { ADMIN_PAGES } from './AdminLayout';
import './admin.css';

/** Pages on the way (their issue is planned); listed so admins know, with no made-up figures. */
const COMING_SOON = [
  {
    name: 'Alerts',
    description: 'Rules on error rates, latency and new exceptions, and when they fired.',
  },
];

export function AdminHomePage() {
  return (
    <section>
      <header className="page-header">
        <div>
          <h1>Admin</h1>
          <p className="page-header__lead">Operate and audit Ledgerlens.</p>
        </div>
      </header>
      <ul className="admin-tiles">
        {ADMIN_PAGES.map((page) => (
          <li key={page.to} className="card admin-tile">
            <h2 className="admin-tile__name">{page.label}</h2>
            <p className="admin-tile__description">{page.description}</p>
            <Link className="admin-tile__link" to={page.to}>
              Open {page.label.toLowerCase()}
            </Link>
          </li>
        ))}
        <li className="card admin-tile">
          <h2 className="admin-tile__name">API documentation</h2>
          <p className="admin-tile__description">
            Every route, parameter and answer of the API (OpenAPI), with a console to try them.
          </p>
          <a className="admin-tile__link" href="/api/docs">
            Open the API docs
          </a>
        </li>
        {COMING_SOON.map((page) => (
          <li key={page.name} className="card admin-tile admin-tile--soon">
            <h2 className="admin-tile__name">
              {page.name} <span className="badge badge--muted">Coming soon</span>
            </h2>
            <p className="admin-tile__description">{page.description}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
