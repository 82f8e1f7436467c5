import { useState } from 'react';
import { Dialog, EmptyState, ErrorState, PageHeader, Skeleton } from '../../ui';
import { useContactPoints } from '../admin-alerts';
import { toast } from '../toasts';
import {
  type ContactPoint,
  type SavedContactPoint,
  useTestContactPoint,
} from './api/contact-point-queries';
import { AlertingLinks } from './components/AlertingLinks';
import { ContactPointForm } from './components/ContactPointForm';
import { ContactPointTable } from './components/ContactPointTable';
import { DeleteContactPointDialog } from './components/DeleteContactPointDialog';
import { GeneratedSecretDialog } from './components/GeneratedSecretDialog';
import { TestContactPointDialog } from './components/TestContactPointDialog';
import './contact-points.css';

/** Which contact point the form edits; `null` for a new one. */
type Editing = { contactPoint: ContactPoint | null } | null;

/**
 * Contact points (`/admin/alerts/contact-points`): where alert rules send notifications (email,
 * webhook, SMS); create, edit, test and delete them. Secrets are write-only: the page shows
 * whether a webhook has one, never the secret, except the one the API generates, once.
 */
export function ContactPointsPage() {
  const contactPoints = useContactPoints();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<ContactPoint | null>(null);
  const [testing, setTesting] = useState<ContactPoint | null>(null);
  const [generatedSecret, setGeneratedSecret] = useState<string | null>(null);
  const test = useTestContactPoint();
  const create = () => setEditing({ contactPoint: null });

  const sendTest = (contactPoint: ContactPoint) => {
    setTesting(contactPoint);
    test.mutate(contactPoint.id);
  };
  const saved = (contactPoint: SavedContactPoint) => {
    toast.success(`${contactPoint.name} ${editing?.contactPoint ? 'saved' : 'created'}`);
    setEditing(null);
    if (contactPoint.secret) setGeneratedSecret(contactPoint.secret);
  };

  let content;
  if (contactPoints.error) {
    content = (
      <ErrorState
        title="Contact points could not be loaded"
        error={contactPoints.error}
        onRetry={() => void contactPoints.refetch()}
      />
    );
  } else if (!contactPoints.data) {
    content = <Skeleton label="Loading contact points" rows={4} />;
  } else if (contactPoints.data.length === 0) {
    content = (
      <EmptyState title="No contact points yet">
        <p>
          A contact point is where alert rules send their notifications: email addresses, phone
          numbers for SMS, or a webhook URL.
        </p>
        <button type="button" className="button" onClick={create}>
          Add a contact point
        </button>
      </EmptyState>
    );
  } else {
    content = (
      <ContactPointTable
        contactPoints={contactPoints.data}
        onTest={sendTest}
        onEdit={(contactPoint) => setEditing({ contactPoint })}
        onDelete={setDeleting}
      />
    );
  }

  return (
    <section className="contact-points-page">
      <PageHeader title="Contact points">
        <button type="button" className="button" onClick={create}>
          New contact point
        </button>
      </PageHeader>
      <AlertingLinks />
      {content}
      <Dialog
        open={editing !== null}
        title={editing?.contactPoint ? `Edit ${editing.contactPoint.name}` : 'New contact point'}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <ContactPointForm
            editing={editing.contactPoint ?? undefined}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        )}
      </Dialog>
      <TestContactPointDialog
        contactPoint={testing}
        test={test}
        onRetry={() => testing && test.mutate(testing.id)}
        onClose={() => {
          test.reset();
          setTesting(null);
        }}
      />
      <DeleteContactPointDialog contactPoint={deleting} onClose={() => setDeleting(null)} />
      <GeneratedSecretDialog secret={generatedSecret} onClose={() => setGeneratedSecret(null)} />
    </section>
  );
}
