import { useHealth } from './api/get-health';

function ApiStatus() {
  const health = useHealth();
  if (health.isPending) return <p role="status">Checking the API…</p>;
  if (health.isError) {
    return (
      <p role="status" className="status status--error">
        The API is not reachable: {health.error.message}
      </p>
    );
  }
  const database = health.data.info?.['database']?.status;
  return (
    <p role="status" className="status status--ok">
      API online{database ? `, database ${database === 'up' ? 'connected' : database}` : ''}
    </p>
  );
}

export function HomePage() {
  return (
    <section>
      <h1>Your money, every change accounted for</h1>
      <p>
        Ledgerlens tracks transactions and budgets and keeps an audit trail of who changed what.
        Sign-in, dashboards and admin pages arrive with the next releases; the API is ready today.
      </p>
      <ApiStatus />
    </section>
  );
}
