import { SelectField } from '../../../ui';
import type { ColumnRole, CsvPreview, SettingsChoice } from '../api/csv-import';
import {
  columnName,
  DATE_FORMATS,
  DECIMAL_LABELS,
  DELIMITER_LABELS,
  ROLE_LABELS,
} from '../csv-labels';

const NONE = '';

/** How the file is read, as detected; every change asks for a new preview. */
export function SettingsForm({
  preview,
  disabled,
  onChange,
}: {
  preview: CsvPreview;
  disabled: boolean;
  onChange(change: SettingsChoice): void;
}) {
  const { settings } = preview;
  const ambiguous = preview.ambiguousDateFormats;
  const columnIndexes = Array.from({ length: preview.columnCount }, (_, index) => index);
  const changeColumn = (role: ColumnRole, value: string) =>
    onChange({
      columns: { ...settings.columns, [role]: value === NONE ? null : Number(value) },
    });

  return (
    <fieldset className="import-settings" disabled={disabled}>
      <legend>How the file is read</legend>
      <SelectField
        label="Delimiter"
        value={settings.delimiter}
        onChange={(event) =>
          onChange({ delimiter: event.target.value as SettingsChoice['delimiter'] })
        }
      >
        {Object.entries(DELIMITER_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Date format"
        value={ambiguous.length > 0 ? NONE : settings.dateFormat}
        error={
          ambiguous.length > 0
            ? `${ambiguous.join(' and ')} both fit every date: choose the one your bank uses`
            : undefined
        }
        onChange={(event) =>
          onChange({ dateFormat: event.target.value as SettingsChoice['dateFormat'] })
        }
      >
        {ambiguous.length > 0 && <option value={NONE}>Choose…</option>}
        {DATE_FORMATS.map((format) => (
          <option key={format} value={format}>
            {format}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Decimal separator"
        value={settings.decimalSeparator}
        onChange={(event) =>
          onChange({
            decimalSeparator: event.target.value as SettingsChoice['decimalSeparator'],
          })
        }
      >
        {Object.entries(DECIMAL_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <div className="field field--checkbox">
        <label>
          <input
            type="checkbox"
            checked={settings.hasHeader}
            onChange={(event) => onChange({ hasHeader: event.target.checked })}
          />{' '}
          The first line names the columns
        </label>
      </div>
      {(Object.keys(ROLE_LABELS) as ColumnRole[]).map((role) => (
        <SelectField
          key={role}
          label={ROLE_LABELS[role]}
          value={settings.columns[role] ?? NONE}
          onChange={(event) => changeColumn(role, event.target.value)}
        >
          <option value={NONE}>None</option>
          {columnIndexes.map((index) => (
            <option key={index} value={index}>
              {columnName(preview, index)}
            </option>
          ))}
        </SelectField>
      ))}
    </fieldset>
  );
}
