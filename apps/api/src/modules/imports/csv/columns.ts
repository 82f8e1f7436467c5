import { looksLikeAmount } from './amounts';
import { ColumnMapping, ColumnRole, NO_COLUMNS } from './csv-settings';
import { looksLikeDate } from './date-formats';

/**
 * Header names per role, normalised (see `normalisedName`), best first; English and German,
 * with the names German banks' exports use. A header matches a name it equals or, for names of
 * five letters or more, starts with (`Betrag (EUR)` → `betrageur`).
 */
export const COLUMN_NAMES: Record<ColumnRole, readonly string[]> = {
  date: [
    'date',
    'datum',
    'buchungstag',
    'buchungsdatum',
    'bookingdate',
    'transactiondate',
    'postingdate',
    'posteddate',
    'valutadatum',
    'valuedate',
    'wertstellung',
  ],
  amount: ['amount', 'betrag'],
  debit: ['debit', 'soll', 'withdrawal', 'moneyout', 'paidout', 'ausgang', 'belastung'],
  credit: ['credit', 'haben', 'deposit', 'moneyin', 'paidin', 'eingang', 'gutschrift'],
  description: [
    'description',
    'beschreibung',
    'verwendungszweck',
    'payee',
    'zahlungsempfaenger',
    'empfaenger',
    'beguenstigterzahlungspflichtiger',
    'auftraggeberempfaenger',
    'name',
    'memo',
    'text',
    'buchungstext',
    'details',
    'narrative',
  ],
  category: ['category', 'kategorie'],
};

/** The order roles take their columns in: the most specific names first. */
const PICK_ORDER: readonly ColumnRole[] = [
  'date',
  'amount',
  'debit',
  'credit',
  'category',
  'description',
];

/** Lower case, umlauts spelled out, letters and digits only: `Empfänger` → `empfaenger`. */
export function normalisedName(header: string): string {
  return header
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .replace(/[^a-z0-9]/g, '');
}

/** How well a header names a role: the index of the name it matches (lower is better), or -1. */
function rankOf(header: string, role: ColumnRole): number {
  const name = normalisedName(header);
  return COLUMN_NAMES[role].findIndex(
    (known) => name === known || (known.length >= 5 && name.startsWith(known)),
  );
}

const namesAnyRole = (header: string) => PICK_ORDER.some((role) => rankOf(header, role) >= 0);

/**
 * Whether the first record names the columns: it does when a cell is a known column name, or
 * when none of its cells is a date or an amount (unknown names the user maps).
 */
export function looksLikeHeader(cells: readonly string[]): boolean {
  if (cells.some(namesAnyRole)) return true;
  return !cells.some(
    (cell) => cell.trim() !== '' && (looksLikeDate(cell) || looksLikeAmount(cell)),
  );
}

/** The columns whose names say what they hold, each column used once. */
export function columnsByHeader(header: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = { ...NO_COLUMNS };
  const used = new Set<number>();
  for (const role of PICK_ORDER) {
    let best: { index: number; rank: number } | undefined;
    header.forEach((cell, index) => {
      const rank = rankOf(cell, role);
      if (rank >= 0 && !used.has(index) && (!best || rank < best.rank)) best = { index, rank };
    });
    if (best) {
      mapping[role] = best.index;
      used.add(best.index);
    }
  }
  // A signed amount column says everything: debit/credit columns beside it are not needed.
  if (mapping.amount !== null) [mapping.debit, mapping.credit] = [null, null];
  return mapping;
}

/**
 * Without names, by content: the first column of dates, the next of amounts, and the column of
 * the longest texts that are neither as the description.
 */
export function columnsByContent(rows: readonly (readonly string[])[]): ColumnMapping {
  const width = Math.max(0, ...rows.map((cells) => cells.length));
  const columns = Array.from({ length: width }, (_, index) =>
    rows.map((cells) => (cells[index] ?? '').trim()).filter((value) => value !== ''),
  );
  const all = (values: string[], test: (value: string) => boolean) =>
    values.length > 0 && values.every(test);
  const date = columns.findIndex((values) => all(values, looksLikeDate));
  const amount = columns.findIndex(
    (values, index) => index !== date && all(values, looksLikeAmount),
  );
  let description: number | null = null;
  let longest = 0;
  columns.forEach((values, index) => {
    if (index === date || index === amount) return;
    const length = values.reduce((sum, value) => sum + value.length, 0) / (values.length || 1);
    if (length > longest) [description, longest] = [index, length];
  });
  return {
    ...NO_COLUMNS,
    date: date >= 0 ? date : null,
    amount: amount >= 0 ? amount : null,
    description,
  };
}
