import type {
  ClientToServerEvents,
  RealtimeEnvelope,
  RealtimeEventName,
  ServerToClientEvents,
} from '@ledgerlens/contracts';
import { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { io, ManagerOptions, Socket, SocketOptions } from 'socket.io-client';
import { eventually } from './eventually';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A connected test client and everything it has received, in order. */
export interface RealtimeClient {
  socket: RealtimeSocket;
  received: RealtimeEnvelope[];
  /** The envelopes of one type received so far. */
  of<T extends RealtimeEventName>(type: T): RealtimeEnvelope<T>[];
  /** The first envelope of the type that `match` accepts, once it has arrived. */
  next<T extends RealtimeEventName>(
    type: T,
    match?: (envelope: RealtimeEnvelope<T>) => boolean,
    timeoutMs?: number,
  ): Promise<RealtimeEnvelope<T>>;
  /** Resolves with the reason once the server has closed the socket. */
  disconnected: Promise<string>;
}

export type ClientOptions = Partial<ManagerOptions & SocketOptions>;

const open = new Set<RealtimeSocket>();

/** Serves the app on a free loopback port (socket.io needs a real one); answers its URL. */
export async function listen(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

function socketTo(url: string, options: ClientOptions): RealtimeSocket {
  const socket: RealtimeSocket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...options,
  });
  open.add(socket);
  return socket;
}

/** Connects with the token in the handshake's `auth`, as browsers do; rejects with `connect_error`. */
export function connectClient(
  url: string,
  token: string | undefined,
  options: ClientOptions = {},
): Promise<RealtimeClient> {
  const socket = socketTo(url, { auth: token === undefined ? {} : { token }, ...options });
  const received: RealtimeEnvelope[] = [];
  socket.onAny((_event: string, envelope: RealtimeEnvelope) => received.push(envelope));
  const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
  const of = <T extends RealtimeEventName>(type: T) =>
    received.filter((envelope): envelope is RealtimeEnvelope<T> => envelope.type === type);
  const client: RealtimeClient = {
    socket,
    received,
    of,
    disconnected,
    next: (type, match = () => true, timeoutMs = 5000) =>
      eventually(async () => {
        const found = of(type).find(match);
        if (!found) throw new Error(`No ${type} received (got ${received.length} messages)`);
        return found;
      }, timeoutMs),
  };
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** The `connect_error` of a handshake expected to be refused. */
export async function refusedHandshake(
  url: string,
  token: string | undefined,
  options: ClientOptions = {},
): Promise<Error & { data?: { code?: string } }> {
  try {
    await connectClient(url, token, options);
  } catch (error) {
    return error as Error & { data?: { code?: string } };
  }
  throw new Error('The handshake was accepted');
}

/** Closes every client the tests opened. */
export function closeClients(): void {
  for (const socket of open) socket.close();
  open.clear();
}
