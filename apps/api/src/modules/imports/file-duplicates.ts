import { CsvRow } from './csv/csv-row';

/** What makes two transactions of one account the same, as Actual Budget matches imports. */
export type DuplicateKey = Pick<CsvRow, 'occurredOn' | 'amountCents' | 'type' | 'description'>;

export const keyOf = ({ occurredOn, amountCents, type, description }: DuplicateKey): string =>
  JSON.stringify([occurredOn, amountCents, type, description]);

/** A line left out because an earlier one (or a stored transaction) is the same. */
export interface DuplicateLine {
  line: number;
  /** The earlier line of the file it repeats; null when it repeats a stored transaction. */
  ofLine: number | null;
}

/** The rows of a file with every repeat of an earlier row (same key) set apart. */
export function withoutRepeats(rows: readonly CsvRow[]): {
  unique: CsvRow[];
  repeats: DuplicateLine[];
} {
  const firstLine = new Map<string, number>();
  const unique: CsvRow[] = [];
  const repeats: DuplicateLine[] = [];
  for (const row of rows) {
    const key = keyOf(row);
    const ofLine = firstLine.get(key);
    if (ofLine === undefined) {
      firstLine.set(key, row.line);
      unique.push(row);
    } else {
      repeats.push({ line: row.line, ofLine });
    }
  }
  return { unique, repeats };
}
