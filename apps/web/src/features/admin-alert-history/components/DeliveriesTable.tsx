import { LocalTime } from '../../../ui';
import { replyCodeText, TYPE_LABELS } from '../../admin-alert-contact-points';
import type { Delivery } from '../api/history-queries';
import { DeliveryStatusBadge } from './DeliveryStatusBadge';

const KIND: Record<Delivery['kind'], string> = {
  firing: 'Firing',
  resolved: 'Resolved',
  test: 'Test',
};

const none = <span className="text-muted">—</span>;

/** Notifications, one recipient each: where they went, how it went, and what happens next. */
export function DeliveriesTable({
  deliveries,
  contactPointNames,
  caption,
}: {
  deliveries: Delivery[];
  /** Contact point names by ID (undefined until they load); a deleted one is named by its type. */
  contactPointNames: ReadonlyMap<string, string> | undefined;
  caption: string;
}) {
  return (
    // Focusable, so a keyboard can scroll it sideways on a phone: it holds nothing else to focus.
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="table alert-deliveries">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Contact point</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Attempts
            </th>
            <th scope="col">Last reply</th>
            <th scope="col">Error</th>
            <th scope="col">Next attempt</th>
            <th scope="col">Sent</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => (
            <tr key={delivery.id}>
              <td>
                <span className="alert-deliveries__name">
                  {contactPointNames
                    ? (contactPointNames.get(delivery.contactPointId) ??
                      `${TYPE_LABELS[delivery.contactPointType]} (deleted)`)
                    : TYPE_LABELS[delivery.contactPointType]}
                </span>
                <span className="alert-deliveries__recipient text-muted">{delivery.recipient}</span>
              </td>
              <td>{KIND[delivery.kind]}</td>
              <td>
                <DeliveryStatusBadge status={delivery.status} />
              </td>
              <td className="num">{delivery.attempts}</td>
              <td>{replyCodeText(delivery.contactPointType, delivery.responseCode) ?? none}</td>
              <td className="alert-deliveries__error">{delivery.lastError ?? none}</td>
              <td>{delivery.nextAttemptAt ? <LocalTime iso={delivery.nextAttemptAt} /> : none}</td>
              <td>{delivery.sentAt ? <LocalTime iso={delivery.sentAt} /> : none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
