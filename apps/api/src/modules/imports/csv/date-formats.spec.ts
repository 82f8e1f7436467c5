import { dateFormatsFitting, parseDate } from './date-formats';

describe('parseDate', () => {
  it.each([
    ['2026-02-01', 'YYYY-MM-DD', '2026-02-01'],
    ['1.2.2026', 'DD.MM.YYYY', '2026-02-01'],
    ['01/02/2026', 'DD/MM/YYYY', '2026-02-01'],
    ['01/02/2026', 'MM/DD/YYYY', '2026-01-02'],
    ['29.02.24', 'DD.MM.YY', '2024-02-29'],
    ['31/12/99', 'DD/MM/YY', '1999-12-31'],
    [' 2026/11/30 ', 'YYYY/MM/DD', '2026-11-30'],
  ] as const)('reads %j as %s: %s', (text, format, day) => {
    expect(parseDate(text, format)).toBe(day);
  });

  it.each([
    ['30.02.2026', 'DD.MM.YYYY'],
    ['2026-13-01', 'YYYY-MM-DD'],
    ['13/13/2026', 'MM/DD/YYYY'],
    ['2026-02-01', 'DD.MM.YYYY'],
    ['01.02.26', 'DD.MM.YYYY'],
    ['soon', 'YYYY-MM-DD'],
  ] as const)('does not read %j as %s', (text, format) => {
    expect(parseDate(text, format)).toBeNull();
  });
});

describe('dateFormatsFitting', () => {
  it('finds the one format a day past the 12th tells', () => {
    expect(dateFormatsFitting(['01/02/2026', '13/02/2026', ''])).toEqual(['DD/MM/YYYY']);
    expect(dateFormatsFitting(['01/02/2026', '02/13/2026'])).toEqual(['MM/DD/YYYY']);
  });

  it('answers both day-month orders when every day is 12 or less: the user must choose', () => {
    expect(dateFormatsFitting(['01/02/2026', '03/04/2026'])).toEqual(['DD/MM/YYYY', 'MM/DD/YYYY']);
  });

  it('takes the format that reads the most values when one line is not a date', () => {
    expect(dateFormatsFitting(['01.02.2026', 'gestern', '15.02.2026'])).toEqual(['DD.MM.YYYY']);
  });

  it('answers none when nothing is a date', () => {
    expect(dateFormatsFitting(['soon', 'later'])).toEqual([]);
  });
});
