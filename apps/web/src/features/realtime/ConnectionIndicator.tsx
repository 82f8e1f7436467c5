import { type ConnectionStatus, useConnection } from './connection-store';

/** What the pill says; the dot's colour only repeats it. */
function labelOf(status: ConnectionStatus, lastError: string | null): string {
  switch (status) {
    case 'online':
      return 'Live';
    case 'connecting':
      // Without an earlier failure this is the first attempt, not a reconnection.
      return lastError ? 'Reconnecting…' : 'Connecting…';
    case 'offline':
    case 'refused':
      return 'Offline';
  }
}

const DETAILS: Record<ConnectionStatus, string> = {
  online: 'Changes from other devices and tabs appear as they happen.',
  connecting: 'Live updates are paused until the connection is back.',
  offline: 'Live updates are off: there is no connection to the server.',
  refused: 'Live updates are off: the server refused the connection.',
};

/** The socket's state in the header, as text (for everyone) and a coloured dot. */
export function ConnectionIndicator() {
  const status = useConnection((state) => state.status);
  const lastError = useConnection((state) => state.lastError);
  const details = lastError ? `${DETAILS[status]} (${lastError})` : DETAILS[status];
  return (
    <p className={`connection connection--${status}`} role="status" title={details}>
      <span className="connection__dot" aria-hidden="true" />
      <span className="visually-hidden">Live updates: </span>
      <span className="connection__label">{labelOf(status, lastError)}</span>
    </p>
  );
}
