import { fileNameOf, rowCounterFor } from './export-rows';

/** Feeds the text in pieces of `size` characters, as a stream may cut it anywhere. */
function countInPieces(format: 'csv' | 'json', text: string, size: number) {
  const counter = rowCounterFor(format);
  const seen: number[] = [];
  for (let at = 0; at < text.length; at += size) seen.push(counter.push(text.slice(at, at + size)));
  return { seen, total: counter.finish() };
}

describe('rowCounterFor csv', () => {
  const csv =
    '\uFEFFoccurredAt,action,message\r\n' +
    '2026-11-21,auth.login,"Signed in, from ""home"""\r\n' +
    '2026-11-21,error,"Stack:\r\n  at a\r\n  at b"\r\n' +
    '2026-11-22,auth.logout,Signed out\r\n';

  it('counts records, not lines: quoted line breaks and quotes stay in their cell', () => {
    expect(countInPieces('csv', csv, csv.length).total).toBe(3);
  });

  it('gives the same count however the stream is cut, and grows as rows arrive', () => {
    for (const size of [1, 2, 7, 13]) {
      const { seen, total } = countInPieces('csv', csv, size);
      expect(total).toBe(3);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
    }
  });

  it('counts a last row without a line break, and a header alone as no rows', () => {
    expect(countInPieces('csv', 'a,b\r\n1,2', 100).total).toBe(1);
    expect(countInPieces('csv', '\uFEFFa,b\r\n', 100).total).toBe(0);
    expect(countInPieces('csv', '', 100).total).toBe(0);
  });
});

describe('rowCounterFor json', () => {
  it('counts one object per line, whatever the strings hold', () => {
    const json = '[\n{"message":"a {b}\\n{c"},\n{"message":"d"}\n]\n';
    for (const size of [1, 3, json.length]) {
      expect(countInPieces('json', json, size).total).toBe(2);
    }
    expect(countInPieces('json', '[]\n', 10).total).toBe(0);
  });
});

describe('fileNameOf', () => {
  it('reads the attachment name, else the fallback', () => {
    expect(fileNameOf('attachment; filename="audit-logs-2026.csv"', 'x.csv')).toBe(
      'audit-logs-2026.csv',
    );
    expect(fileNameOf(null, 'x.csv')).toBe('x.csv');
  });
});

describe('rows in progress', () => {
  it('counts a JSON row once its line is complete', () => {
    const counter = rowCounterFor('json');
    expect(counter.push('[\n{"id":"1"},\n{"id"')).toBe(1);
    expect(counter.push(':"2"}\n]\n')).toBe(2);
    expect(counter.finish()).toBe(2);
  });
});
