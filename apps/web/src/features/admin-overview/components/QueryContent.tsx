import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorState, Skeleton } from '../../../ui';

/** A card's body from its own query: a skeleton, the failure with a retry, or the data. */
export function QueryContent<T>({
  query,
  loading,
  failed,
  children,
}: {
  query: UseQueryResult<T>;
  /** "Loading the alert rules" */
  loading: string;
  /** "The alert rules could not be loaded" */
  failed: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Skeleton label={loading} rows={2} />;
  if (query.isError) {
    return <ErrorState title={failed} error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}
