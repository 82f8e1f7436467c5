import { LOG_LEVELS, type LogLevel, type LogSource } from '@ledgerlens/contracts';
import { useId } from 'react';
import type { ApiError } from '../../../lib/api-error';
import {
  DebouncedTextField,
  isoOfLocalInput,
  localInputOf,
  SelectField,
  TextField,
} from '../../../ui';
import { type LogFilterValues, RANGE_PRESETS, type RangeChoice } from '../model/log-filters';
import { LEVEL_LABELS, SOURCE_LABELS } from '../model/log-format';

interface Props {
  values: LogFilterValues;
  isFiltered: boolean;
  /** The list's last refusal, whose field messages belong next to these filters. */
  listError: ApiError | null;
  onChange: (change: Partial<LogFilterValues>) => void;
  onClear: () => void;
}

/** Every filter of the list; each applies as soon as it is set (text once typing pauses). */
export function LogFilters({ values, isFiltered, listError, onChange, onClear }: Props) {
  const apiMessage = (field: string) => listError?.fieldMessage(field);
  const levelsHintId = useId();
  const toggleLevel = (level: LogLevel, checked: boolean) =>
    onChange({
      levels: checked ? [...values.levels, level] : values.levels.filter((l) => l !== level),
      minLevel: '',
    });
  return (
    <form
      className="log-filters"
      role="search"
      aria-label="Filter log lines"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="log-filters__row">
        <DebouncedTextField
          label="Message contains"
          type="search"
          value={values.q}
          error={apiMessage('q')}
          onCommit={(q) => onChange({ q })}
        />
        <SelectField
          label="Source"
          value={values.source}
          onChange={(event) => onChange({ source: event.target.value as LogSource | '' })}
        >
          <option value="">API and browser</option>
          <option value="backend">{SOURCE_LABELS.backend} only</option>
          <option value="frontend">{SOURCE_LABELS.frontend} only</option>
        </SelectField>
        <SelectField
          label="Time range"
          value={values.range}
          onChange={(event) => onChange({ range: event.target.value as RangeChoice })}
        >
          <option value="any">Any time</option>
          {Object.entries(RANGE_PRESETS).map(([value, { label }]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
          <option value="custom">Custom range</option>
        </SelectField>
        {values.range === 'custom' && (
          <>
            <TextField
              label="From (your time)"
              type="datetime-local"
              value={localInputOf(values.from)}
              error={apiMessage('from')}
              onChange={(event) => onChange({ from: isoOfLocalInput(event.target.value) })}
            />
            <TextField
              label="To (your time)"
              type="datetime-local"
              value={localInputOf(values.to)}
              error={apiMessage('to')}
              onChange={(event) => onChange({ to: isoOfLocalInput(event.target.value) })}
            />
          </>
        )}
      </div>
      <div className="log-filters__row">
        <fieldset className="log-filters__levels" aria-describedby={levelsHintId}>
          <legend>Levels</legend>
          {LOG_LEVELS.map((level) => (
            <label key={level} className="log-filters__level">
              <input
                type="checkbox"
                checked={values.levels.includes(level)}
                onChange={(event) => toggleLevel(level, event.target.checked)}
              />
              {LEVEL_LABELS[level]}
            </label>
          ))}
          <p id={levelsHintId} className="field__hint">
            Tick one or several, or choose a minimum level.
          </p>
        </fieldset>
        <SelectField
          label="Minimum level"
          value={values.minLevel}
          error={apiMessage('minLevel')}
          onChange={(event) =>
            onChange({ minLevel: event.target.value as LogLevel | '', levels: [] })
          }
        >
          <option value="">{values.levels.length > 0 ? 'Levels ticked' : 'Any level'}</option>
          {LOG_LEVELS.map((level) => (
            <option key={level} value={level}>
              {LEVEL_LABELS[level]} and graver
            </option>
          ))}
        </SelectField>
      </div>
      <div className="log-filters__row">
        <DebouncedTextField
          label="Trace ID"
          value={values.traceId}
          error={apiMessage('traceId')}
          spellCheck={false}
          onCommit={(traceId) => onChange({ traceId })}
        />
        <DebouncedTextField
          label="User ID"
          value={values.userId}
          error={apiMessage('userId')}
          spellCheck={false}
          onCommit={(userId) => onChange({ userId })}
        />
        <DebouncedTextField
          label="Module"
          value={values.module}
          error={apiMessage('module')}
          onCommit={(module) => onChange({ module })}
        />
        <DebouncedTextField
          label="Request path"
          placeholder="/api/v1/transactions"
          value={values.path}
          error={apiMessage('requestPath')}
          onCommit={(path) => onChange({ path })}
        />
      </div>
      {isFiltered && (
        <button type="button" className="button button--ghost" onClick={onClear}>
          Clear filters
        </button>
      )}
    </form>
  );
}
