import { SelectField } from '../../../ui';
import { RangeSelector } from '../../admin-performance';
import { ALERT_STATES, type AlertState, stateLabel } from '../alert-states';
import type { AlertRule } from '../../admin-alerts';
import type { HistoryFilters } from '../history-filters';

/** Which rule, over which time and into which state; every change lands in the URL. */
export function HistoryFiltersBar({
  filters,
  rules,
  rulesFailed,
  onChange,
}: {
  filters: HistoryFilters;
  /** Undefined while the rules load. */
  rules: AlertRule[] | undefined;
  rulesFailed: boolean;
  onChange: (change: Partial<Pick<HistoryFilters, 'ruleId' | 'range' | 'state'>>) => void;
}) {
  const listed = rules?.some((rule) => rule.id === filters.ruleId) ?? false;
  return (
    <div className="alert-history-filters">
      <SelectField
        label="Rule"
        value={filters.ruleId ?? ''}
        hint={
          rulesFailed
            ? 'The rules could not be loaded; all of them are shown.'
            : rules === undefined
              ? 'Loading the rules…'
              : undefined
        }
        onChange={(event) => onChange({ ruleId: event.target.value || null })}
      >
        <option value="">All rules</option>
        {filters.ruleId && !listed && (
          <option value={filters.ruleId}>
            {rules === undefined ? 'The chosen rule' : 'A deleted or unknown rule'}
          </option>
        )}
        {rules?.map((rule) => (
          <option key={rule.id} value={rule.id}>
            {rule.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Changed into"
        value={filters.state ?? ''}
        onChange={(event) => onChange({ state: (event.target.value || null) as AlertState | null })}
      >
        <option value="">Any state</option>
        {ALERT_STATES.map((state) => (
          <option key={state} value={state}>
            {stateLabel(state)}
          </option>
        ))}
      </SelectField>
      <RangeSelector value={filters.range} onChange={(range) => onChange({ range })} />
    </div>
  );
}
