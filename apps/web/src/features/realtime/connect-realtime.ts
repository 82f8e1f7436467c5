import type { ClientToServerEvents, CommandAck, RealtimeCommand } from '@ledgerlens/contracts';
import { useEffect } from 'react';
import { io, type Socket } from 'socket.io-client';
import { errorMessageOf } from '../../lib/api-error';
import { refreshSession, useSession } from '../session';
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

/** How long a command waits for the server's acknowledgement before it counts as failed. */
export const COMMAND_TIMEOUT_MS = 10_000;

export type RealtimeCommandName = (typeof RealtimeCommand)[keyof typeof RealtimeCommand];

/** What a command sends before its acknowledgement: `[filter]` for `logs.subscribe`, else none. */
export type RealtimeCommandArgs<Name extends RealtimeCommandName> =
  ClientToServerEvents[Name] extends (...args: [...infer Args, (ack: CommandAck) => void]) => void
    ? Args
    : never;

/** A subscription held by page code: sent again on every (re)connection until released. */
interface HeldSubscription {
  name: RealtimeCommandName;
  args: unknown[];
  onAnswer?: (answer: CommandAck) => void;
}

/** Closes the open connection, if any. */
let disconnectOpen: (() => void) | null = null;
/** The socket of the open connection, once `connectRealtime` has opened one. */
let openSocket: Socket | null = null;
const heldSubscriptions = new Set<HeldSubscription>();

const failed = (message: string): CommandAck => ({ ok: false, error: { code: 'failed', message } });

async function emitCommand(
  socket: Socket,
  name: RealtimeCommandName,
  args: readonly unknown[],
): Promise<CommandAck> {
  try {
    return (await socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck(name, ...args)) as CommandAck;
  } catch {
    return failed(`The server did not answer ${name} in time; try again`);
  }
}

const sendHeld = (socket: Socket, held: HeldSubscription) =>
  void emitCommand(socket, held.name, held.args).then((answer) => {
    // Released while the server was answering: the caller has moved on.
    if (heldSubscriptions.has(held)) held.onAnswer?.(answer);
  });

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
    // The server keeps subscriptions per socket connection and drops them when it ends.
    heldSubscriptions.forEach((held) => sendHeld(socket, held));
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
  openSocket = socket;
  socket.connect();

  const disconnect = () => {
    if (stopped) return;
    stopped = true;
    if (disconnectOpen === disconnect) disconnectOpen = null;
    if (openSocket === socket) openSocket = null;
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

/**
 * Sends an admin command (docs/realtime.md) on the open socket and resolves with the server's
 * acknowledgement. Never rejects: without a connection, or without an answer within
 * `COMMAND_TIMEOUT_MS`, it resolves with a `failed` answer saying so.
 */
export function sendRealtimeCommand<Name extends RealtimeCommandName>(
  name: Name,
  ...args: RealtimeCommandArgs<Name>
): Promise<CommandAck> {
  const socket = openSocket;
  if (!socket?.connected) {
    return Promise.resolve(failed('Live updates are not connected; try again once they are'));
  }
  return emitCommand(socket, name, args);
}

/**
 * Holds a subscription (`logs.subscribe` with its filter, `audit.subscribe`) until the returned
 * function releases it: sent now when connected, and again after every reconnection, as the
 * server forgets a socket's subscriptions when its connection ends. `onAnswer` gets each
 * acknowledgement, never one that arrives after the release. Releasing sends `release`.
 */
export function holdRealtimeSubscription<Name extends RealtimeCommandName>(subscription: {
  name: Name;
  args: RealtimeCommandArgs<Name>;
  release: RealtimeCommandName;
  onAnswer?: (answer: CommandAck) => void;
}): () => void {
  const held: HeldSubscription = {
    name: subscription.name,
    args: subscription.args,
    onAnswer: subscription.onAnswer,
  };
  heldSubscriptions.add(held);
  if (openSocket?.connected) sendHeld(openSocket, held);
  return () => {
    if (!heldSubscriptions.delete(held)) return;
    if (openSocket?.connected) void emitCommand(openSocket, subscription.release, []);
  };
}

/** Keeps the realtime connection open while the calling component (the signed-in layout) is. */
export function useRealtimeConnection(): void {
  useEffect(() => connectRealtime(), []);
}
