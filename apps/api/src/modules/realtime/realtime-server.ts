import { RealtimeEnvelope, RealtimeEventName } from '@ledgerlens/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { RedisAdapter } from '@socket.io/redis-adapter';
import type { RealtimeIoServer } from './realtime-socket';

/**
 * The socket.io server, once the gateway has started it, for everything that pushes to rooms.
 * Pushing never throws: a failure is logged and the caller (a request, a writer) goes on.
 */
@Injectable()
export class RealtimeServer {
  private readonly logger = new Logger('Realtime');
  private io?: RealtimeIoServer;
  /** With the Redis adapter a room spans every instance: a room empty here may not be empty. */
  private roomsSpanInstances = false;

  attach(io: RealtimeIoServer): void {
    this.io = io;
    this.roomsSpanInstances = io.sockets.adapter instanceof RedisAdapter;
  }

  /** Undefined until the gateway is initialised. */
  get server(): RealtimeIoServer | undefined {
    return this.io;
  }

  /**
   * To every socket in the room, on every instance. The envelope is built only when the room may
   * have sockets: with the in-memory adapter this instance's sockets are all of them, so an empty
   * room costs a map lookup; with the Redis adapter it is always published, other instances'
   * sockets being unknown here.
   */
  toRoom<T extends RealtimeEventName>(room: string, envelopeOf: () => RealtimeEnvelope<T>): void {
    if (!this.io || !this.mayHaveSockets(this.io, room)) return;
    const envelope = envelopeOf();
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

  private mayHaveSockets(io: RealtimeIoServer, room: string): boolean {
    return this.roomsSpanInstances || io.sockets.adapter.rooms.has(room);
  }
}
