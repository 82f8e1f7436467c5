import {
  DebouncedTextField,
  isoOfLocalInput,
  localInputOf,
  SelectField,
  TextField,
} from '../../../ui';
import { AUDIT_RESULTS, AUDIT_SOURCES } from '../api/types';
import { RESULT_LABELS } from '../model/audit-rows';
import {
  EVENT_FILTER_PARAMS,
  type EventFilterParam,
  type EventFilterValues,
  hasEventFilters,
} from '../model/event-filters';

/** The Events page's filters; every change lands in the URL. */
export function EventFilters({
  values,
  onChange,
}: {
  values: EventFilterValues;
  onChange: (changes: Partial<Record<EventFilterParam, string>>) => void;
}) {
  const set = (name: EventFilterParam) => (value: string) => onChange({ [name]: value });
  return (
    <form
      className="audit-filters"
      aria-label="Filter the events"
      onSubmit={(event) => event.preventDefault()}
    >
      <TextField
        label="From"
        type="datetime-local"
        value={localInputOf(values.from)}
        hint={values.from ? undefined : '7 days before “To”'}
        onChange={(event) => set('from')(isoOfLocalInput(event.target.value))}
      />
      <TextField
        label="To"
        type="datetime-local"
        value={localInputOf(values.to)}
        hint={values.to ? undefined : 'Now'}
        onChange={(event) => set('to')(isoOfLocalInput(event.target.value))}
      />
      <DebouncedTextField
        label="Operation type"
        value={values.operation}
        onCommit={set('operation')}
        placeholder="auth.login"
      />
      <SelectField
        label="Source"
        value={values.source}
        onChange={(event) => set('source')(event.target.value)}
      >
        <option value="">Any source</option>
        {AUDIT_SOURCES.map((source) => (
          <option key={source} value={source}>
            {source}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Result"
        value={values.result}
        onChange={(event) => set('result')(event.target.value)}
      >
        <option value="">Any result</option>
        {AUDIT_RESULTS.map((result) => (
          <option key={result} value={result}>
            {RESULT_LABELS[result]}
          </option>
        ))}
      </SelectField>
      <div className="audit-filters__actions">
        <button
          type="button"
          className="button button--ghost"
          disabled={!hasEventFilters(values)}
          onClick={() =>
            onChange(Object.fromEntries(EVENT_FILTER_PARAMS.map((name) => [name, ''])))
          }
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
