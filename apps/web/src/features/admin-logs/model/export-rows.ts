import type { LogExportFormat } from '@ledgerlens/contracts';

/**
 * Counts the rows of a log export as its text streams in, chunk by chunk, from the layout the
 * API writes (apps/api/src/common/export/export-stream.ts):
 * - json: `[`, then one object per line (JSON text holds no raw line break);
 * - txt: one row per line that starts at the margin (a message's further lines are indented);
 * - csv: records end with CRLF outside quotes; the first record is the header.
 */
export class ExportRowCounter {
  private lines = 0;
  private rowLines = 0;
  private atLineStart = true;
  private inQuotes = false;

  constructor(private readonly format: LogExportFormat) {}

  add(text: string): void {
    for (const char of text) {
      if (this.format === 'csv') this.addCsv(char);
      else this.addLine(char);
    }
  }

  /** Rows seen so far. */
  get rows(): number {
    if (this.format === 'csv') return Math.max(0, this.lines - 1);
    return this.rowLines;
  }

  private addLine(char: string): void {
    if (this.atLineStart && char !== '\n') {
      const startsRow = this.format === 'json' ? char === '{' : char !== ' ' && char !== '\t';
      if (startsRow) this.rowLines += 1;
      this.atLineStart = false;
    }
    if (char === '\n') this.atLineStart = true;
  }

  private addCsv(char: string): void {
    if (char === '"') this.inQuotes = !this.inQuotes;
    else if (char === '\n' && !this.inQuotes) this.lines += 1;
  }
}

/** `ledgerlens-logs_….csv` from a `Content-Disposition` header, or a fallback. */
export function filenameOf(disposition: string | null, format: LogExportFormat): string {
  const match = disposition?.match(/filename="([^"]+)"/);
  return match?.[1] ?? `ledgerlens-logs.${format}`;
}

/** A byte count as a person reads it: "812 B", "14.2 KB", "3.1 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
