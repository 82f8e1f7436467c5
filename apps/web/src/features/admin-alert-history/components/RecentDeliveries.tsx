import type { DeliveryStatus } from '@ledgerlens/contracts';
import { EmptyState, ErrorState, SelectField, Skeleton } from '../../../ui';
import { useRecentDeliveries } from '../api/history-queries';
import type { HistoryFilters } from '../history-filters';
import { DeliveriesTable } from './DeliveriesTable';
import { DELIVERY_STATUS } from './DeliveryStatusBadge';

/**
 * The newest notifications whatever the range, so what is still being retried (or failed for
 * good) shows without opening each change; contact point tests are among them.
 */
export function RecentDeliveries({
  filters,
  contactPointNames,
  onStatus,
}: {
  filters: HistoryFilters;
  contactPointNames: ReadonlyMap<string, string> | undefined;
  onStatus: (status: DeliveryStatus | null) => void;
}) {
  const deliveries = useRecentDeliveries(filters);
  let content;
  if (deliveries.error) {
    content = (
      <ErrorState
        title="Deliveries could not be loaded"
        error={deliveries.error}
        onRetry={() => void deliveries.refetch()}
      />
    );
  } else if (!deliveries.data) {
    content = <Skeleton label="Loading deliveries" rows={3} />;
  } else if (deliveries.data.total === 0) {
    content = (
      <EmptyState
        title={
          filters.delivery
            ? `No ${DELIVERY_STATUS[filters.delivery].label.toLowerCase()} deliveries`
            : 'No notification was sent yet'
        }
      />
    );
  } else {
    const { items, total } = deliveries.data;
    content = (
      <div aria-busy={deliveries.isPlaceholderData || undefined}>
        <p className="text-muted">
          {total > items.length
            ? `Showing ${items.length} of ${total}, newest first.`
            : `${total} in all.`}
        </p>
        <DeliveriesTable
          deliveries={items}
          contactPointNames={contactPointNames}
          caption="Recent deliveries, newest first"
        />
      </div>
    );
  }
  return (
    <>
      <div className="alert-history-filters">
        <SelectField
          label="Delivery status"
          value={filters.delivery ?? ''}
          onChange={(event) => onStatus((event.target.value || null) as DeliveryStatus | null)}
        >
          <option value="">Any status</option>
          {(Object.keys(DELIVERY_STATUS) as DeliveryStatus[]).map((status) => (
            <option key={status} value={status}>
              {DELIVERY_STATUS[status].label}
            </option>
          ))}
        </SelectField>
      </div>
      {content}
    </>
  );
}
