import { CsvRow } from './csv/csv-row';
import { withoutRepeats } from './file-duplicates';

const row = (line: number, changes: Partial<CsvRow> = {}): CsvRow => ({
  line,
  occurredOn: '2026-01-02',
  amountCents: 350,
  type: 'expense',
  description: 'Coffee',
  categoryName: null,
  ...changes,
});

describe('withoutRepeats', () => {
  it('sets apart every repeat of an earlier line, naming that line', () => {
    const rows = [row(2), row(3, { amountCents: 351 }), row(4), row(5, { categoryName: 'Food' })];
    expect(withoutRepeats(rows)).toEqual({
      unique: [rows[0], rows[1]],
      repeats: [
        { line: 4, ofLine: 2 },
        { line: 5, ofLine: 2 },
      ],
    });
  });

  it.each([
    ['day', { occurredOn: '2026-01-03' }],
    ['amount', { amountCents: 349 }],
    ['type', { type: 'income' as const }],
    ['description', { description: 'coffee' }],
  ])('keeps lines that differ in their %s', (_field, changes) => {
    expect(withoutRepeats([row(2), row(3, changes)]).repeats).toEqual([]);
  });
});
