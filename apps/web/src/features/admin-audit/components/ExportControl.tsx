import { useEffect, useRef, useState } from 'react';
import { ErrorMessage, SelectField } from '../../../ui';
import { type ExportProgress, saveFile, streamExport } from '../api/stream-export';
import type { AuditLogFilters, ExportFormat } from '../api/types';
import { formatBytes } from '../model/time';

type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: ExportProgress }
  | { phase: 'done'; rows: number; bytes: number; fileName: string }
  | { phase: 'failed'; error: unknown };

const rowsText = (rows: number) => `${rows.toLocaleString()} ${rows === 1 ? 'row' : 'rows'}`;

/**
 * Exports what the filters select, showing bytes and rows as the stream arrives and the file's
 * row count at the end. `filters` is read when the export starts (the Events page fixes its
 * open range then). Cancel aborts the download.
 */
export function ExportControl({
  filters,
  formats,
}: {
  filters: () => AuditLogFilters;
  formats: readonly [ExportFormat, ...ExportFormat[]];
}) {
  const [format, setFormat] = useState<ExportFormat>(formats[0]);
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: 'running', progress: { bytes: 0, rows: 0 } });
    try {
      const file = await streamExport(
        filters(),
        format,
        (progress) => setState({ phase: 'running', progress }),
        controller.signal,
      );
      saveFile(file);
      setState({ phase: 'done', rows: file.rows, bytes: file.bytes, fileName: file.fileName });
    } catch (error) {
      setState(controller.signal.aborted ? { phase: 'idle' } : { phase: 'failed', error });
    } finally {
      abort.current = null;
    }
  };

  const running = state.phase === 'running';
  return (
    <div className="audit-export">
      {formats.length > 1 && (
        <SelectField
          label="Export format"
          value={format}
          disabled={running}
          onChange={(event) => setFormat(event.target.value as ExportFormat)}
        >
          {formats.map((option) => (
            <option key={option} value={option}>
              {option.toUpperCase()}
            </option>
          ))}
        </SelectField>
      )}
      {running ? (
        <button
          type="button"
          className="button button--ghost"
          onClick={() => abort.current?.abort()}
        >
          Cancel export
        </button>
      ) : (
        <button type="button" className="button" onClick={() => void start()}>
          Export {format.toUpperCase()}
        </button>
      )}
      <p className="audit-export__status" role="status">
        {state.phase === 'running' &&
          `Exporting… ${formatBytes(state.progress.bytes)} received, ${rowsText(state.progress.rows)}`}
        {state.phase === 'done' &&
          `Exported ${rowsText(state.rows)} (${formatBytes(state.bytes)}) to ${state.fileName}`}
        {state.phase === 'failed' && (
          <>
            The export failed: <ErrorMessage error={state.error} />
          </>
        )}
      </p>
      {running && <progress className="audit-export__bar" aria-label="Export progress" />}
    </div>
  );
}
