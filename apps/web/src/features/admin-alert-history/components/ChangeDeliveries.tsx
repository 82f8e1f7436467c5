import { EmptyState, ErrorState, Skeleton } from '../../../ui';
import { useDeliveriesOf } from '../api/history-queries';
import { DeliveriesTable } from './DeliveriesTable';

/** What notified one state change; loaded when its row is opened. */
export function ChangeDeliveries({
  historyId,
  contactPointNames,
}: {
  historyId: string;
  contactPointNames: ReadonlyMap<string, string> | undefined;
}) {
  const deliveries = useDeliveriesOf(historyId);
  if (deliveries.error) {
    return (
      <ErrorState
        title="The deliveries could not be loaded"
        error={deliveries.error}
        onRetry={() => void deliveries.refetch()}
      />
    );
  }
  if (!deliveries.data) return <Skeleton label="Loading the deliveries" rows={2} />;
  const { items, total } = deliveries.data;
  if (items.length === 0) {
    return (
      <EmptyState title="No notification reported this change">
        <p>
          Only firing and resolving are notified, after the rule’s group wait; pending, no data and
          errors are recorded here only.
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      {items.length < total && (
        <p className="text-muted">
          The newest {items.length} of {total} deliveries.
        </p>
      )}
      <DeliveriesTable
        deliveries={items}
        contactPointNames={contactPointNames}
        caption="Deliveries of this change"
      />
    </>
  );
}
