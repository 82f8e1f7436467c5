/** The real-time module's public entry: what code outside the module uses of it. */
export { RealtimeIoAdapter } from './realtime-io.adapter';
export { RealtimeModule } from './realtime.module';
