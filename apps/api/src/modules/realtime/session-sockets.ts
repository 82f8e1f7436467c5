import {
  InternalEvent,
  RealtimeEvent,
  SessionEndedPayload,
  SessionEndReason,
} from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { envelopeOf } from './envelope';
import { RealtimeServer } from './realtime-server';
import type { RealtimeSocket } from './realtime-socket';
import { Rooms } from './rooms';

/** The longest delay a Node timer takes (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A socket lives no longer than its sign-in: it is closed when its access token expires and,
 * on every instance, when the sign-in ends (logout, refresh-token reuse). The client is told
 * why (`session.ended`) just before.
 */
@Injectable()
export class SessionSockets {
  constructor(private readonly realtime: RealtimeServer) {}

  /** The handshake checked the token once; without this, a socket would outlive it. */
  endAtExpiry(socket: RealtimeSocket): void {
    const delay = socket.data.user.expiresAt * 1000 - Date.now();
    // A token valid for longer than a timer can wait ends its socket early; the client reconnects.
    const timer = setTimeout(
      () => this.end(socket, 'expired'),
      Math.min(Math.max(delay, 0), MAX_TIMER_MS),
    );
    timer.unref();
    socket.once('disconnect', () => clearTimeout(timer));
  }

  @OnEvent(InternalEvent.SessionEnded)
  sessionEnded({ familyId, reason }: SessionEndedPayload): void {
    const room = Rooms.session(familyId);
    this.realtime.toRoom(room, () => envelopeOf(RealtimeEvent.SessionEnded, { reason }, null));
    this.realtime.disconnectRoom(room);
  }

  private end(socket: RealtimeSocket, reason: SessionEndReason): void {
    socket.emit(
      RealtimeEvent.SessionEnded,
      envelopeOf(RealtimeEvent.SessionEnded, { reason }, null),
    );
    socket.disconnect(true);
  }
}
