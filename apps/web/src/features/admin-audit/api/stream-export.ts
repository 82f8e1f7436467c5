import { api } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';
import { fileNameOf, rowCounterFor } from '../model/export-rows';
import type { AuditLogFilters, ExportFormat } from './types';

export interface ExportProgress {
  bytes: number;
  rows: number;
}

export interface ExportedFile {
  blob: Blob;
  fileName: string;
  rows: number;
  bytes: number;
}

/**
 * Downloads the action log's export of `filters`, reading the streamed answer chunk by chunk so
 * the page can show bytes and rows as they arrive. The file is kept whole in memory: the browser
 * saves it once complete, never a cut-off file that looks finished.
 */
export async function streamExport(
  filters: AuditLogFilters,
  format: ExportFormat,
  onProgress: (progress: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<ExportedFile> {
  const { data, error, response } = await api.GET('/api/v1/audit-logs/export', {
    params: { query: { ...filters, format } },
    parseAs: 'stream',
    signal,
  });
  if (!response.ok || !data) {
    throw new ApiError(
      response.status,
      error as ConstructorParameters<typeof ApiError>[1],
      response.statusText || 'The export failed',
    );
  }
  const reader = data.getReader();
  const decoder = new TextDecoder();
  const counter = rowCounterFor(format);
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let rows = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    rows = counter.push(decoder.decode(value, { stream: true }));
    onProgress({ bytes, rows });
  }
  counter.push(decoder.decode());
  rows = counter.finish();
  onProgress({ bytes, rows });
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  return {
    blob: new Blob(chunks as BlobPart[], { type }),
    fileName: fileNameOf(response.headers.get('Content-Disposition'), `audit-logs.${format}`),
    rows,
    bytes,
  };
}

/** Hands a finished file to the browser's download. */
export function saveFile(file: ExportedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
