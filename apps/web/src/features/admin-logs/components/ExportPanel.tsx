import { LOG_EXPORT_FORMATS, type LogExportFormat } from '@ledgerlens/contracts';
import { useState } from 'react';
import { ErrorMessage, SelectField } from '../../../ui';
import type { ExportState } from '../hooks/use-log-export';
import { formatBytes } from '../model/export-rows';

const FORMAT_LABELS: Record<LogExportFormat, string> = {
  json: 'JSON',
  csv: 'CSV (spreadsheets)',
  txt: 'Text (one line per row)',
};

const rowsText = (rows: number) => `${rows.toLocaleString()} ${rows === 1 ? 'row' : 'rows'}`;

interface Props {
  state: ExportState;
  onStart: (format: LogExportFormat) => void;
  onCancel: () => void;
}

/** Export of every line the filters match (not only those loaded), with its progress. */
export function ExportPanel({ state, onStart, onCancel }: Props) {
  const [format, setFormat] = useState<LogExportFormat>('json');
  const running = state.status === 'running';
  return (
    <section className="log-export" aria-label="Export">
      <form
        className="log-export__form"
        onSubmit={(event) => {
          event.preventDefault();
          onStart(format);
        }}
      >
        <SelectField
          label="Export format"
          value={format}
          disabled={running}
          onChange={(event) => setFormat(event.target.value as LogExportFormat)}
        >
          {LOG_EXPORT_FORMATS.map((value) => (
            <option key={value} value={value}>
              {FORMAT_LABELS[value]}
            </option>
          ))}
        </SelectField>
        {running ? (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            Stop export
          </button>
        ) : (
          <button type="submit" className="button">
            Export matching lines
          </button>
        )}
      </form>
      <div className="log-export__status" role="status">
        {running && (
          <>
            <progress aria-label="Export progress" />
            <span>
              Exporting… {rowsText(state.rows)} ({formatBytes(state.bytes)}) so far
            </span>
          </>
        )}
        {state.status === 'done' && (
          <span>
            Exported {rowsText(state.rows)} ({formatBytes(state.bytes)}) to {state.filename}
          </span>
        )}
        {state.status === 'cancelled' && <span>Export stopped; no file was saved.</span>}
      </div>
      {state.status === 'failed' && (
        <p className="log-export__error" role="alert">
          The export failed: <ErrorMessage error={state.error} />
        </p>
      )}
    </section>
  );
}
