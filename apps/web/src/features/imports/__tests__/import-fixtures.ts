import type { CsvImportSummary, CsvPreview } from '../api/csv-import';
import type { Account } from '../../../entities/accounts';

export function anAccount(changes: Partial<Account> = {}): Account {
  return {
    id: '6f9619ff-8b86-d011-b42d-00c04fc964ff',
    name: 'Girokonto',
    kind: 'checking',
    currency: 'EUR',
    openingBalanceCents: 0,
    openingDate: '2026-01-01',
    archived: false,
    balanceCents: '0',
    lastReconciledOn: null,
    reconciledBalanceCents: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...changes,
  };
}

export const anAccountList = (items: Account[]) => ({
  items,
  total: items.length,
  page: 1,
  limit: 100,
});

export function aPreview(changes: Partial<CsvPreview> = {}): CsvPreview {
  return {
    settings: {
      delimiter: ';',
      hasHeader: true,
      dateFormat: 'DD.MM.YYYY',
      decimalSeparator: ',',
      columns: { date: 0, description: 1, amount: 2, debit: null, credit: null, category: 3 },
    },
    header: ['Buchungstag', 'Verwendungszweck', 'Betrag (EUR)', 'Kategorie'],
    columnCount: 4,
    ambiguousDateFormats: [],
    totalRows: 3,
    rows: [
      {
        line: 2,
        occurredOn: '2026-09-01',
        amountCents: 95_000,
        type: 'expense',
        description: 'Miete Wohnung',
        categoryName: 'Miete',
        categoryId: null,
      },
      {
        line: 3,
        occurredOn: '2026-09-28',
        amountCents: 325_000,
        type: 'income',
        description: 'Gehalt ACME GmbH',
        categoryName: 'Gehalt',
        categoryId: '0d9f7a3e-3c1b-4c8e-9a57-2b1f2f1c0a11',
      },
    ],
    refusedCount: 1,
    refused: [{ line: 4, reason: "amount 'zwölf' is not an amount" }],
    ...changes,
  };
}

export function aSummary(changes: Partial<CsvImportSummary> = {}): CsvImportSummary {
  return {
    accountId: anAccount().id,
    imported: 26,
    duplicates: [
      { line: 5, ofLine: null },
      { line: 29, ofLine: 7 },
    ],
    refused: [],
    ...changes,
  };
}
