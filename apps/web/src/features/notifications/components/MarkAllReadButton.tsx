import { useMarkAllRead } from '../api/notification-actions';

/** Marks every notification read; there is nothing to do without unread ones. */
export function MarkAllReadButton({ unread }: { unread: number }) {
  const markAll = useMarkAllRead();
  return (
    <button
      type="button"
      className="button button--ghost"
      disabled={unread === 0 || markAll.isPending}
      onClick={() => markAll.mutate()}
    >
      {markAll.isPending ? 'Marking all read…' : 'Mark all read'}
    </button>
  );
}
