/** The real-time module's public entry: what code outside the module uses of it. */
export { RealtimeIoAdapter } from './realtime-io.adapter';
export { RealtimeModule } from './realtime.module';
// For bench/pipeline-trims.ts: a push as the relay makes it, to a room with or without sockets.
export { envelopeOf } from './envelope';
export { transactionPayloadOf } from './event-payloads';
export { RealtimeServer } from './realtime-server';
export type { RealtimeIoServer } from './realtime-socket';
export { Rooms } from './rooms';
