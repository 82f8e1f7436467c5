import { type AlertPayload, RealtimeEvent } from '@ledgerlens/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useRealtimeEvents } from '../../realtime';
import { toast } from '../../toasts';
import { invalidateRules } from '../api/alert-keys';

/** Worth telling the admin: an instance starting to fire, or no longer alerting. */
const TOLD_EVENTS = [RealtimeEvent.AlertFired, RealtimeEvent.AlertResolved];
const CHANGE_EVENTS = [RealtimeEvent.AlertStateChanged];

/**
 * Keeps the alert pages current while one is open: any change of an instance's state (pending
 * included) refetches the rules; one firing or resolving is also told to the admin, with a way
 * to open its rule.
 */
export function useLiveAlerts(): void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useRealtimeEvents(CHANGE_EVENTS, () => void invalidateRules(queryClient));
  useRealtimeEvents<AlertPayload>(TOLD_EVENTS, ({ type, payload }) => {
    // The API's message names the rule, the instance and the value: "Slow list (GET
    // /api/v1/transactions): p95 latency 630 ms > 500 ms", or "… resolved: p95 latency 400 ms".
    const message =
      type === RealtimeEvent.AlertFired ? `Firing: ${payload.message}` : payload.message;
    toast.info(message, {
      label: 'Open rule',
      onClick: () => void navigate(`/admin/alerts/${payload.alertId}`),
    });
  });
}
