import type { LogExportFormat } from '@ledgerlens/contracts';
import { api } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';
import { ExportRowCounter, filenameOf } from '../model/export-rows';
import type { LogQuery } from '../model/log-filters';

export interface ExportProgress {
  rows: number;
  bytes: number;
}

export interface ExportedFile extends ExportProgress {
  filename: string;
  blob: Blob;
}

/**
 * Streams the export of every line matching `query` (the API sends no size ahead, it writes as
 * it reads), reporting rows and bytes received as they arrive; resolves with the whole file.
 */
export async function exportLogs(
  query: LogQuery,
  format: LogExportFormat,
  onProgress: (progress: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<ExportedFile> {
  const { error, response } = await api.POST('/api/v1/logging/logs/export', {
    body: { ...query, format },
    parseAs: 'stream',
    signal,
  });
  if (!response.ok || !response.body) {
    throw new ApiError(
      response.status,
      error as ConstructorParameters<typeof ApiError>[1],
      response.statusText,
    );
  }
  const counter = new ExportRowCounter(format);
  const decoder = new TextDecoder();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    counter.add(decoder.decode(value, { stream: true }));
    onProgress({ rows: counter.rows, bytes });
  }
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  return {
    filename: filenameOf(response.headers.get('Content-Disposition'), format),
    blob: new Blob(chunks as BlobPart[], { type }),
    rows: counter.rows,
    bytes,
  };
}

/** Hands a file to the browser as a download. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // After the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
