import { columnsByHeader, looksLikeHeader } from './columns';

describe('columnsByHeader', () => {
  it('finds English names', () => {
    expect(columnsByHeader(['Date', 'Payee', 'Memo', 'Amount', 'Category'])).toEqual({
      date: 0,
      description: 1,
      amount: 3,
      debit: null,
      credit: null,
      category: 4,
    });
  });

  it('finds German names, the booking day before the value day, and Betrag (EUR)', () => {
    expect(
      columnsByHeader(['Valutadatum', 'Buchungstag', 'Auftraggeber/Empfänger', 'Betrag (EUR)']),
    ).toMatchObject({ date: 1, description: 2, amount: 3 });
  });

  it('prefers the description to the payee, and takes debit/credit without an amount', () => {
    expect(columnsByHeader(['Datum', 'Name', 'Verwendungszweck', 'Soll', 'Haben'])).toEqual({
      date: 0,
      description: 2,
      amount: null,
      debit: 3,
      credit: 4,
      category: null,
    });
  });
});

describe('looksLikeHeader', () => {
  it.each([
    [['Datum', 'Text', 'Betrag'], true],
    [['When', 'What', 'How much'], true],
    [['2026-01-02', 'Coffee', '-3.50'], false],
    [['Coffee', '-3.50'], false],
  ])('%j → %s', (cells, header) => {
    expect(looksLikeHeader(cells)).toBe(header);
  });
});
