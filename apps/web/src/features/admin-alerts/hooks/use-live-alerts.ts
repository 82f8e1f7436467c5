import { type AlertPayload, RealtimeEvent } from '@ledgerlens/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useRealtimeEvents } from '../../realtime/realtime-events';
import { toast } from '../../toasts/toast-store';
import { invalidateRules } from '../api/alert-keys';

const ALERT_EVENTS = [RealtimeEvent.AlertFired, RealtimeEvent.AlertResolved];

/**
 * Keeps the alert pages current while one is open: a rule's instance firing or resolving
 * refetches the rules, and the admin is told which one, with a way to open it.
 */
export function useLiveAlerts(): void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useRealtimeEvents<AlertPayload>(ALERT_EVENTS, ({ type, payload }) => {
    void invalidateRules(queryClient);
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
