import { Link } from 'react-router';
import { ApiError } from '../../../lib/api-error';
import { EmptyState, ErrorState, PageHeader, Skeleton } from '../../../ui';

/**
 * What a page about one rule shows until it has the rule: a skeleton while it loads, a way back
 * when it does not exist, the error with a retry when it could not be loaded.
 */
export function RuleLoadState({
  title,
  rule,
}: {
  /** The page's heading, which stays the same in every state. */
  title: string;
  rule: { error: Error | null; refetch: () => unknown };
}) {
  let state;
  if (!rule.error) {
    state = <Skeleton label="Loading the alert rule" rows={6} />;
  } else if (rule.error instanceof ApiError && rule.error.status === 404) {
    state = (
      <EmptyState title="This alert rule does not exist">
        <Link to="/admin/alerts">Back to all alert rules</Link>
      </EmptyState>
    );
  } else {
    state = (
      <ErrorState
        title="The alert rule could not be loaded"
        error={rule.error}
        onRetry={() => void rule.refetch()}
      />
    );
  }
  return (
    <>
      <PageHeader title={title} />
      {state}
    </>
  );
}
