import { Module } from '@nestjs/common';
import { AuthModule } from '../auth';
import { DomainEventsRelay } from './domain-events.relay';
import { HandshakeAuth } from './handshake-auth';
import { LiveTail } from './live-tail/live-tail';
import { TailRelay } from './live-tail/tail-relay';
import { RealtimeCommands } from './realtime-commands';
import { RealtimeServer } from './realtime-server';
import { RealtimeGateway } from './realtime.gateway';
import { SessionSockets } from './session-sockets';

/**
 * Real-time events over socket.io: domain events pushed after commit to their owner's room or
 * to admins, admin streams (live tail, action log) on request, sockets closed with their
 * sign-in. The protocol is docs/realtime.md; the decisions docs/adr/0011-realtime-events.md.
 * The server's adapter (CORS, Redis) is set up with the app (`RealtimeIoAdapter`).
 */
@Module({
  imports: [AuthModule],
  providers: [
    RealtimeGateway,
    RealtimeServer,
    HandshakeAuth,
    RealtimeCommands,
    SessionSockets,
    DomainEventsRelay,
    LiveTail,
    TailRelay,
  ],
})
export class RealtimeModule {}
