/** The realtime feature's public surface: the app and other features import only these. */
export {
  connectRealtime,
  disconnectRealtime,
  holdRealtimeSubscription,
  useRealtimeConnection,
} from './connect-realtime';
export { ConnectionIndicator } from './ConnectionIndicator';
export { resetConnection, useConnection } from './connection-store';
export { publishRealtime, useRealtimeEvents } from './realtime-events';
