import type { Delivery } from '../api/history-queries';

export const DELIVERY_STATUS: Record<Delivery['status'], { label: string; tone: string }> = {
  pending: { label: 'Pending', tone: 'warning' },
  sent: { label: 'Delivered', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  silenced: { label: 'Silenced', tone: 'muted' },
};

/** A delivery's outcome in words; the colour only repeats it. */
export function DeliveryStatusBadge({ status }: { status: Delivery['status'] }) {
  const { label, tone } = DELIVERY_STATUS[status];
  return <span className={`badge badge--${tone}`}>{label}</span>;
}
