import { REALTIME_PATH } from '@ledgerlens/contracts';
import { Logger } from '@nestjs/common';
import {
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import { HandshakeAuth } from './handshake-auth';
import { LiveTail } from './live-tail/live-tail';
import { RealtimeCommands } from './realtime-commands';
import { RealtimeServer } from './realtime-server';
import type { RealtimeIoServer, RealtimeSocket } from './realtime-socket';
import { Rooms } from './rooms';
import { SessionSockets } from './session-sockets';

/**
 * socket.io on the API's own port: admits clients with their access token, puts each socket in
 * its rooms, lets admins subscribe to their streams, and cleans up when a socket goes. CORS and
 * the Redis adapter are the adapter's (`RealtimeIoAdapter`).
 */
@WebSocketGateway({ path: REALTIME_PATH, serveClient: false })
export class RealtimeGateway
  implements
    OnGatewayInit<RealtimeIoServer>,
    OnGatewayConnection<RealtimeSocket>,
    OnGatewayDisconnect<RealtimeSocket>
{
  private readonly logger = new Logger('Realtime');

  constructor(
    private readonly realtime: RealtimeServer,
    private readonly handshake: HandshakeAuth,
    private readonly commands: RealtimeCommands,
    private readonly sessions: SessionSockets,
    private readonly liveTail: LiveTail,
  ) {}

  afterInit(server: RealtimeIoServer): void {
    server.use(this.handshake.admit);
    this.realtime.attach(server);
    this.liveTail.attach(server);
  }

  async handleConnection(socket: RealtimeSocket): Promise<void> {
    const { user } = socket.data;
    this.commands.bind(socket);
    this.sessions.endAtExpiry(socket);
    await socket.join([
      Rooms.user(user.id),
      Rooms.session(user.familyId),
      ...(user.role === 'admin' ? [Rooms.admins] : []),
    ]);
    this.logger.debug({ userId: user.id, socketId: socket.id }, 'Socket connected');
  }

  handleDisconnect(socket: RealtimeSocket): void {
    this.liveTail.unsubscribe(socket);
    this.logger.debug({ userId: socket.data.user.id, socketId: socket.id }, 'Socket disconnected');
  }
}
