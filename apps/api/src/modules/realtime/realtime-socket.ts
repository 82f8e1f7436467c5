import type { ClientToServerEvents, ServerToClientEvents } from '@ledgerlens/contracts';
import type { Server, Socket } from 'socket.io';
import type { AuthenticatedUser } from '../../common/auth/current-user.decorator';
import type { TailRelayEvents } from './live-tail/tail-relay';

/** What the handshake learnt about a socket's client. */
export interface SocketData {
  user: AuthenticatedUser;
}

export type RealtimeSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  TailRelayEvents,
  SocketData
>;

export type RealtimeIoServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  TailRelayEvents,
  SocketData
>;
