import './admin.css';

/** Admin pages on the way; listed so admins know what is coming, with no made-up figures. */
const COMING_SOON = [
  {
    name: 'Logs',
    description:
      'Search API and browser logs by level, source, module and trace ID; follow them live.',
  },
  {
    name: 'Exceptions',
    description: 'Errors grouped by fingerprint, with stack traces, occurrences and resolution.',
  },
  {
    name: 'Performance',
    description: 'Request and query latency percentiles, error rates and the slowest requests.',
  },
  {
    name: 'Alerts',
    description: 'Rules on error rates, latency and new exceptions, and when they fired.',
  },
  {
    name: 'Audit logs',
    description: 'Who did what, when and from where: filter, inspect and export.',
  },
  {
    name: 'Events',
    description: 'The stream of audited operations across the system as they happen.',
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
