import type { ExportFormat } from '../api/types';

/** Counts the rows of an export as its text arrives, chunk by chunk. */
export interface RowCounter {
  /** Reads the next piece of text; returns the rows complete so far. */
  push(text: string): number;
  /** The rows of the whole file, once it has all arrived. */
  finish(): number;
}

/**
 * CSV rows: record breaks outside quotes, less the header. A quoted cell may hold line breaks
 * (a message, a stack), so counting lines would overcount; `""` inside quotes toggles twice.
 */
function csvCounter(): RowCounter {
  let quoted = false;
  let records = 0;
  let lineHasText = false;
  const rows = () => Math.max(records - 1, 0);
  return {
    push(text) {
      for (const char of text) {
        if (char === '"') quoted = !quoted;
        if (!quoted && char === '\n') {
          if (lineHasText) records += 1;
          lineHasText = false;
        } else if (char !== '\r' && char !== '\uFEFF') {
          lineHasText = true;
        }
      }
      return rows();
    },
    finish() {
      // A last record without a final line break still counts.
      if (lineHasText && !quoted) {
        records += 1;
        lineHasText = false;
      }
      return rows();
    },
  };
}

/**
 * JSON rows: the export writes one object per line (`[\n{…},\n{…}\n]`), and JSON strings escape
 * their line breaks, so every line that opens with `{` is a row, complete at its line break.
 */
function jsonCounter(): RowCounter {
  let atLineStart = false;
  let inRow = false;
  let rows = 0;
  return {
    push(text) {
      for (const char of text) {
        if (atLineStart && char === '{') inRow = true;
        if (char === '\n' && inRow) {
          rows += 1;
          inRow = false;
        }
        atLineStart = char === '\n';
      }
      return rows;
    },
    finish() {
      if (inRow) rows += 1;
      inRow = false;
      return rows;
    },
  };
}

export const rowCounterFor = (format: ExportFormat): RowCounter =>
  format === 'csv' ? csvCounter() : jsonCounter();

/** The file name of a `Content-Disposition: attachment; filename="…"` header. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = disposition?.match(/filename="([^"]+)"/);
  return match?.[1] ?? fallback;
}
