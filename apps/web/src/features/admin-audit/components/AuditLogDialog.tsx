import { Dialog, ErrorState, Skeleton } from '../../../ui';
import { useAuditLog } from '../api/audit-queries';
import type { AuditLog } from '../api/types';
import { AuditLogDetail } from './AuditLogDetail';

/** Loads one event of the action log (a shared link, or an Events row) and shows it. */
function LoadedDetail({ id, metadataTitle }: { id: string; metadataTitle?: string }) {
  const log = useAuditLog(id);
  if (log.isPending) return <Skeleton label="Loading the event" rows={4} />;
  if (log.isError) {
    return (
      <ErrorState
        title="The event could not be loaded"
        error={log.error}
        onRetry={() => void log.refetch()}
      />
    );
  }
  return <AuditLogDetail log={log.data} metadataTitle={metadataTitle} />;
}

/** The detail of the event whose ID the URL holds; `known` skips loading what a list has. */
export function AuditLogDialog({
  id,
  known,
  metadataTitle,
  onClose,
}: {
  id: string | null;
  known?: AuditLog;
  metadataTitle?: string;
  onClose: () => void;
}) {
  return (
    <Dialog open={id !== null} title="Event details" onClose={onClose}>
      {id !== null &&
        (known ? (
          <AuditLogDetail log={known} metadataTitle={metadataTitle} />
        ) : (
          <LoadedDetail id={id} metadataTitle={metadataTitle} />
        ))}
    </Dialog>
  );
}
