import { errorMessageOf } from '../../../lib/api-error';
import { toast } from '../../toasts';
import { useSetRuleEnabled } from '../api/alert-actions';
import type { AlertRule } from '../api/alert-queries';

/**
 * Turns a rule's evaluation on or off. A disabled rule keeps its instances' last state, and
 * what it had notified resolves (docs/alerting.md).
 */
export function EnabledToggle({ rule }: { rule: AlertRule }) {
  const setEnabled = useSetRuleEnabled();
  const enabled = setEnabled.isPending ? !rule.enabled : rule.enabled;
  return (
    <label className="alert-toggle">
      <input
        type="checkbox"
        role="switch"
        checked={enabled}
        disabled={setEnabled.isPending}
        onChange={(event) =>
          setEnabled.mutate(
            { rule, enabled: event.target.checked },
            {
              onSuccess: (saved) =>
                toast.success(`${saved.name} ${saved.enabled ? 'enabled' : 'disabled'}`),
              onError: (error) =>
                toast.error(`${rule.name} could not be changed: ${errorMessageOf(error)}`, error),
            },
          )
        }
      />
      <span>
        Enabled<span className="visually-hidden"> ({rule.name})</span>
      </span>
    </label>
  );
}
