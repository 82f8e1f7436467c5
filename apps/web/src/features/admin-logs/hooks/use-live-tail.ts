import {
  type CommandAck,
  type LogLinePayload,
  type LogSkippedPayload,
  RealtimeCommand,
  RealtimeEvent,
} from '@ledgerlens/contracts';
import { useEffect, useReducer, useState } from 'react';
import { holdRealtimeSubscription, useConnection, useRealtimeEvents } from '../../realtime';
import {
  EMPTY_LIVE_TAIL,
  liveTailFilterOf,
  liveTailReducer,
  matchesLiveFilters,
} from '../model/live-tail';
import type { LogFilterValues } from '../model/log-filters';

/**
 * The live tail of lines matching `values` while the calling component is mounted: subscribed
 * over the realtime socket (again after each reconnection), unsubscribed when it unmounts. The
 * caller remounts it (a React key) when the filters change. Returns the live section's state,
 * its dispatch (pause, resume, clear) and the server's last answer to the subscription.
 */
export function useLiveTail(values: LogFilterValues) {
  const [tail, dispatch] = useReducer(liveTailReducer, EMPTY_LIVE_TAIL);
  const [answer, setAnswer] = useState<CommandAck | null>(null);
  const filterKey = JSON.stringify(liveTailFilterOf(values));

  useEffect(
    () =>
      holdRealtimeSubscription({
        name: RealtimeCommand.SubscribeLogs,
        args: [JSON.parse(filterKey)],
        release: RealtimeCommand.UnsubscribeLogs,
        onAnswer: setAnswer,
      }),
    [filterKey],
  );

  // Nothing is replayed after a lost connection: say where lines may be missing.
  useEffect(
    () =>
      useConnection.subscribe((now, before) => {
        if (before.status === 'online' && now.status !== 'online') dispatch({ type: 'gap' });
      }),
    [],
  );

  useRealtimeEvents<LogLinePayload | LogSkippedPayload>(
    [RealtimeEvent.LogCreated, RealtimeEvent.LogSkipped],
    (envelope) => {
      if (envelope.type === RealtimeEvent.LogSkipped) {
        dispatch({ type: 'skipped', count: (envelope.payload as LogSkippedPayload).count });
        return;
      }
      const line = envelope.payload as LogLinePayload;
      if (matchesLiveFilters(line, values)) dispatch({ type: 'line', line });
    },
  );

  return { tail, dispatch, answer };
}
