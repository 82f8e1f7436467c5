import { RealtimeEnvelope, RealtimeEventName } from '@ledgerlens/contracts';
import { Injectable, Logger } from '@nestjs/common';
import type { RealtimeIoServer } from './realtime-socket';

/**
 * The socket.io server, once the gateway has started it, for everything that pushes to rooms.
 * Pushing never throws: a failure is logged and the caller (a request, a writer) goes on.
 */
@Injectable()
export class RealtimeServer {
  private readonly logger = new Logger('Realtime');
  private io?: RealtimeIoServer;

  attach(io: RealtimeIoServer): void {
    this.io = io;
  }

  /** Undefined until the gateway is initialised. */
  get server(): RealtimeIoServer | undefined {
    return this.io;
  }

  /** To every socket in the room, on every instance. */
  toRoom<T extends RealtimeEventName>(room: string, envelope: RealtimeEnvelope<T>): void {
    if (!this.io) return;
    try {
      // socket.io's types cannot pair a generic event name with its payload; the envelope's
      // type is its event name, so the pair matches the contract.
      (this.io.to(room).emit as (event: T, message: RealtimeEnvelope<T>) => boolean)(
        envelope.type,
        envelope,
      );
    } catch (error) {
      this.logger.error(
        { err: error, event: envelope.type, room },
        'Pushing a realtime event failed',
      );
    }
  }

  /** Closes every socket in the room, on every instance. */
  disconnectRoom(room: string): void {
    if (!this.io) return;
    try {
      this.io.in(room).disconnectSockets(true);
    } catch (error) {
      this.logger.error({ err: error, room }, 'Closing realtime sockets failed');
    }
  }
}
