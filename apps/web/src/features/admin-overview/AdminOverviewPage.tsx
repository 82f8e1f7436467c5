import { useQueryClient } from '@tanstack/react-query';
import { PageHeader } from '../../ui';
import { overviewKeys } from './api/overview-queries';
import { AuditChainCard } from './components/AuditChainCard';
import { AuditFailuresCard } from './components/AuditFailuresCard';
import { ExceptionsCard } from './components/ExceptionsCard';
import { FiringAlertsCard } from './components/FiringAlertsCard';
import { LogErrorsCard } from './components/LogErrorsCard';
import { RequestsCard } from './components/RequestsCard';
import './admin-overview.css';

/**
 * The admin console's front page: what needs attention now, one card per source, each loading
 * and failing on its own and leading into its page.
 */
export function AdminOverviewPage() {
  const queryClient = useQueryClient();
  return (
    <section className="admin-overview">
      <PageHeader title="Admin">
        <div className="page-header__actions">
          <button
            type="button"
            className="button button--ghost"
            // The chain's verification walks the whole history: it runs again only when asked.
            onClick={() => void queryClient.invalidateQueries({ queryKey: overviewKeys.all })}
          >
            Refresh
          </button>
        </div>
      </PageHeader>
      <p className="page-header__lead">What needs attention now, and where to look.</p>
      <div className="overview-grid">
        <FiringAlertsCard />
        <ExceptionsCard />
        <RequestsCard />
        <LogErrorsCard />
        <AuditFailuresCard />
        <AuditChainCard />
        <section className="card overview-card" aria-labelledby="overview-api-docs">
          <h2 id="overview-api-docs" className="overview-card__title">
            API documentation
          </h2>
          <p className="overview-card__body text-muted">
            Every route, parameter and answer of the API (OpenAPI), with a console to try them.
          </p>
          <p className="overview-card__more">
            <a href="/api/docs">Open the API docs</a>
          </p>
        </section>
      </div>
    </section>
  );
}
