import { ExportRowCounter, filenameOf, formatBytes } from './export-rows';

/** Feeds `text` in chunks of `size` characters, as a stream may cut it anywhere. */
function rowsOf(format: 'json' | 'csv' | 'txt', text: string, size = 3): number {
  const counter = new ExportRowCounter(format);
  for (let at = 0; at < text.length; at += size) counter.add(text.slice(at, at + size));
  return counter.rows;
}

describe('ExportRowCounter', () => {
  it('counts JSON rows, one object per line', () => {
    expect(rowsOf('json', '[]\n')).toBe(0);
    expect(rowsOf('json', '[\n{"id":"1","message":"a\\nb"},\n{"id":"2"}\n]\n')).toBe(2);
  });

  it('counts text rows, not the indented lines that continue a message', () => {
    const text =
      '2026-11-21T10:00:00Z INFO  [backend/http] first\n    second line of it\n' +
      '2026-11-21T10:00:01Z WARN  [frontend/-] next\n';
    expect(rowsOf('txt', text)).toBe(2);
    expect(rowsOf('txt', '')).toBe(0);
  });

  it('counts CSV records without the header, with line breaks inside quoted cells', () => {
    const csv =
      '\uFEFFtimestamp,level,message\r\n' +
      '2026-11-21,info,"two\r\nlines, and ""quotes"""\r\n' +
      '2026-11-21,warn,plain\r\n';
    expect(rowsOf('csv', csv, 1)).toBe(2);
    expect(rowsOf('csv', csv, 7)).toBe(2);
    expect(rowsOf('csv', '\uFEFFtimestamp,level\r\n')).toBe(0);
  });
});

describe('export helpers', () => {
  it('reads the file name from Content-Disposition', () => {
    expect(filenameOf('attachment; filename="ledgerlens-logs_a_b.csv"', 'csv')).toBe(
      'ledgerlens-logs_a_b.csv',
    );
    expect(filenameOf(null, 'txt')).toBe('ledgerlens-logs.txt');
  });

  it('formats sizes with their unit', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(14_540)).toBe('14.2 KB');
    expect(formatBytes(3_250_586)).toBe('3.1 MB');
  });
});
