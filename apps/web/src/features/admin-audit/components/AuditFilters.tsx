import {
  DebouncedTextField,
  isoOfLocalInput,
  localInputOf,
  SelectField,
  TextField,
} from '../../../ui';
import { AUDIT_RESULTS, AUDIT_SEVERITIES } from '../api/types';
import { RESULT_LABELS } from '../model/audit-rows';
import {
  AUDIT_FILTER_PARAMS,
  type AuditFilterParam,
  type AuditFilterValues,
  hasAuditFilters,
  userErrorOf,
} from '../model/audit-filters';

/** The action log's filters; every change lands in the URL. */
export function AuditFilters({
  values,
  onChange,
}: {
  values: AuditFilterValues;
  onChange: (changes: Partial<Record<AuditFilterParam, string>>) => void;
}) {
  const set = (name: AuditFilterParam) => (value: string) => onChange({ [name]: value });
  const clearAll = () =>
    onChange(Object.fromEntries(AUDIT_FILTER_PARAMS.map((name) => [name, ''])));
  return (
    <form
      className="audit-filters"
      aria-label="Filter the audit log"
      onSubmit={(event) => event.preventDefault()}
    >
      <TextField
        label="From"
        type="datetime-local"
        value={localInputOf(values.from)}
        onChange={(event) => set('from')(isoOfLocalInput(event.target.value))}
      />
      <TextField
        label="To"
        type="datetime-local"
        value={localInputOf(values.to)}
        onChange={(event) => set('to')(isoOfLocalInput(event.target.value))}
      />
      <DebouncedTextField
        label="User ID"
        value={values.user}
        onCommit={set('user')}
        error={userErrorOf(values)}
        spellCheck={false}
      />
      <DebouncedTextField
        label="Action"
        value={values.action}
        onCommit={set('action')}
        placeholder="transaction.update"
      />
      <DebouncedTextField
        label="Resource type"
        value={values.resourceType}
        onCommit={set('resourceType')}
        placeholder="transaction"
      />
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
      <SelectField
        label="Severity"
        value={values.severity}
        onChange={(event) => set('severity')(event.target.value)}
      >
        <option value="">Any severity</option>
        {AUDIT_SEVERITIES.map((severity) => (
          <option key={severity} value={severity}>
            {severity}
          </option>
        ))}
      </SelectField>
      <DebouncedTextField
        label="Text in message or IP"
        type="search"
        value={values.q}
        onCommit={set('q')}
      />
      {values.resourceId && (
        <p className="audit-filters__note">
          Only resource <code>{values.resourceId}</code>{' '}
          <button
            type="button"
            className="button button--ghost"
            onClick={() => onChange({ resourceId: '' })}
          >
            Show every resource
          </button>
        </p>
      )}
      <div className="audit-filters__actions">
        <button
          type="button"
          className="button button--ghost"
          onClick={clearAll}
          disabled={!hasAuditFilters(values)}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
