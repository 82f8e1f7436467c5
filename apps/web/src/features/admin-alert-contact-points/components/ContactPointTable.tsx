import type { ContactPoint } from '../api/contact-point-queries';
import { TYPE_LABELS, targetsOf } from '../contact-point-text';

/** Whether a webhook holds a signing secret; other types take none. */
function SecretState({ contactPoint }: { contactPoint: ContactPoint }) {
  if (contactPoint.type !== 'webhook') return <span className="text-muted">Not used</span>;
  return contactPoint.hasSecret ? (
    <span className="badge badge--success">Set</span>
  ) : (
    <span className="badge badge--warning">Not set</span>
  );
}

function DeliveryState({ contactPoint }: { contactPoint: ContactPoint }) {
  if (!contactPoint.disabled) return <span className="badge badge--success">Enabled</span>;
  return (
    <>
      <span className="badge badge--danger">Disabled</span>
      <span className="contact-point-table__reason">
        {contactPoint.disabledReason ?? 'Deliveries stopped.'} Save it again to enable it.
      </span>
    </>
  );
}

/** The contact points with where each sends, its secret's state and what can be done with it. */
export function ContactPointTable({
  contactPoints,
  onTest,
  onEdit,
  onDelete,
}: {
  contactPoints: ContactPoint[];
  onTest: (contactPoint: ContactPoint) => void;
  onEdit: (contactPoint: ContactPoint) => void;
  onDelete: (contactPoint: ContactPoint) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="table contact-point-table">
        <caption className="visually-hidden">Contact points, by name</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Sends to</th>
            <th scope="col">Signing secret</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {contactPoints.map((contactPoint) => (
            <tr key={contactPoint.id}>
              <th scope="row" className="contact-point-table__name">
                {contactPoint.name}
              </th>
              <td>{TYPE_LABELS[contactPoint.type]}</td>
              <td>
                <ul className="contact-point-table__targets">
                  {targetsOf(contactPoint).map((target) => (
                    <li key={target}>{target}</li>
                  ))}
                </ul>
              </td>
              <td>
                <SecretState contactPoint={contactPoint} />
              </td>
              <td>
                <DeliveryState contactPoint={contactPoint} />
              </td>
              <td>
                <div className="contact-point-table__actions">
                  <button
                    type="button"
                    className="button button--ghost"
                    aria-label={`Send test to ${contactPoint.name}`}
                    onClick={() => onTest(contactPoint)}
                  >
                    Send test
                  </button>
                  <button
                    type="button"
                    className="button button--ghost"
                    aria-label={`Edit ${contactPoint.name}`}
                    onClick={() => onEdit(contactPoint)}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button--ghost"
                    aria-label={`Delete ${contactPoint.name}`}
                    onClick={() => onDelete(contactPoint)}
                  >
                    Delete
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
