import { useEffect } from 'react';
import { io } from 'socket.io-client';
import { errorMessageOf } from '../../lib/api-error';
import { refreshSession } from '../session/refresh-session';
import { useSession } from '../session/session-store';
import { useConnection } from './connection-store';
import { publishRealtime, type RealtimeEnvelope } from './realtime-events';

/** Where the API serves socket.io, on the page's own origin (the dev server proxies it). */
const REALTIME_PATH = '/socket.io';

/** How long to wait before asking again when the server or the API could not answer. */
export const RETRY_DELAY_MS = 5_000;

/** A refused handshake: `message` says why, `data.code` is the server's machine-readable reason. */
type HandshakeError = Error & { data?: { code?: string } };

/** Refusals that a new access token fixes: expired or revoked, or the server's `unauthorized`. */
const needsNewToken = (error: HandshakeError) =>
  error.data?.code === 'unauthorized' || /expired|revoked/i.test(error.message);

/** The server could not check the token right now (`unavailable`): asking later may work. */
const serverBusy = (error: HandshakeError) => error.data?.code === 'unavailable';

const isEnvelope = (value: unknown): value is RealtimeEnvelope =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { type?: unknown }).type === 'string';

/** Closes the open connection, if any. */
let disconnectOpen: (() => void) | null = null;

/**
 * Opens the one socket of a signed-in user (closing an earlier one) and keeps the connection
 * store current. Each (re)connection sends the latest access token; a handshake refused for its
 * token is answered by one session refresh and a new attempt. Every server event is handed to
 * the realtime bus. Returns the function that disconnects.
 */
export function connectRealtime(): () => void {
  disconnectOpen?.();
  const connection = useConnection.getState();
  const socket = io({
    path: REALTIME_PATH,
    transports: ['websocket', 'polling'],
    // A function, not a value: reconnections then carry the token refreshed meanwhile.
    auth: (send) => send({ token: useSession.getState().accessToken }),
    // Never share a manager with an earlier socket: a new sign-in starts from a clean slate.
    forceNew: true,
    autoConnect: false,
  });
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  // One refresh per refusal streak: if the new token is refused too, refreshing again won't help.
  let renewedSinceConnect = false;

  /** Shows what socket.io is doing; explicit refusals set their own status. */
  const showState = (reason?: string) => {
    if (!navigator.onLine) connection.offline(reason ?? 'This device is offline');
    else if (socket.connected) connection.online();
    else if (socket.active) connection.connecting(reason);
    else connection.offline(reason);
  };

  const retryLater = (reason: string) => {
    connection.connecting(reason);
    retryTimer = setTimeout(() => socket.connect(), RETRY_DELAY_MS);
  };

  const renewTokenAndReconnect = async (reason: string) => {
    if (renewedSinceConnect) {
      connection.refused(reason);
      return;
    }
    renewedSinceConnect = true;
    connection.connecting(reason);
    try {
      // False: the session has ended; the app leaves the signed-in pages, which disconnects.
      if ((await refreshSession()) && !stopped) socket.connect();
    } catch (error) {
      if (stopped) return;
      renewedSinceConnect = false;
      retryLater(`The session could not be renewed: ${errorMessageOf(error)}`);
    }
  };

  socket.on('connect', () => {
    renewedSinceConnect = false;
    showState();
  });
  socket.on('disconnect', (reason) => {
    // The server closed this socket on purpose (its sign-in ended, or its token did): socket.io
    // will not reconnect by itself.
    if (reason === 'io server disconnect')
      void renewTokenAndReconnect('The server closed the connection');
    else showState('The connection was lost');
  });
  socket.on('connect_error', (error: HandshakeError) => {
    // Still active: a transport failure that socket.io retries with backoff by itself.
    if (socket.active) showState(error.message);
    else if (needsNewToken(error)) void renewTokenAndReconnect(error.message);
    else if (serverBusy(error)) retryLater(error.message);
    else connection.refused(error.message);
  });
  // Keep the last failure on show while socket.io tries again.
  const onReconnectAttempt = () => showState(useConnection.getState().lastError ?? undefined);
  socket.io.on('reconnect_attempt', onReconnectAttempt);
  socket.onAny((event: string, envelope: unknown) => {
    if (isEnvelope(envelope)) publishRealtime(envelope);
    else console.warn(`Realtime event '${event}' arrived without an envelope and was ignored`);
  });

  const onNetworkChange = () => showState();
  window.addEventListener('online', onNetworkChange);
  window.addEventListener('offline', onNetworkChange);

  connection.connecting();
  socket.connect();

  const disconnect = () => {
    if (stopped) return;
    stopped = true;
    if (disconnectOpen === disconnect) disconnectOpen = null;
    clearTimeout(retryTimer);
    window.removeEventListener('online', onNetworkChange);
    window.removeEventListener('offline', onNetworkChange);
    // Listeners go first: this disconnect is not news to report.
    socket.off();
    socket.offAny();
    socket.io.off('reconnect_attempt', onReconnectAttempt);
    socket.disconnect();
    connection.offline();
  };
  disconnectOpen = disconnect;
  return disconnect;
}

/**
 * Closes the connection now. Sign-out calls it before asking the API to end the session: the
 * API then closes this sign-in's sockets, and this one would try to renew the session.
 */
export function disconnectRealtime(): void {
  disconnectOpen?.();
}

/** Keeps the realtime connection open while the calling component (the signed-in layout) is. */
export function useRealtimeConnection(): void {
  useEffect(() => connectRealtime(), []);
}
