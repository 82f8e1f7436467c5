import type { LogExportFormat } from '@ledgerlens/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { exportLogs, type ExportProgress, saveFile } from '../api/export-logs';
import type { LogQuery } from '../model/log-filters';

export type ExportState =
  | { status: 'idle' }
  | ({ status: 'running'; format: LogExportFormat } & ExportProgress)
  | ({ status: 'done'; format: LogExportFormat; filename: string } & ExportProgress)
  | { status: 'failed'; error: unknown }
  | { status: 'cancelled' };

/** One export at a time, with its progress, its result and a way to stop it. */
export function useLogExport() {
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(async (query: LogQuery, format: LogExportFormat) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ status: 'running', format, rows: 0, bytes: 0 });
    try {
      const file = await exportLogs(
        query,
        format,
        (progress) => {
          if (!controller.signal.aborted) setState({ status: 'running', format, ...progress });
        },
        controller.signal,
      );
      saveFile(file.blob, file.filename);
      setState({
        status: 'done',
        format,
        filename: file.filename,
        rows: file.rows,
        bytes: file.bytes,
      });
    } catch (error) {
      if (controller.signal.aborted) setState({ status: 'cancelled' });
      else setState({ status: 'failed', error });
    } finally {
      if (running.current === controller) running.current = null;
    }
  }, []);

  const cancel = useCallback(() => running.current?.abort(), []);

  return { state, start, cancel };
}
