import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { visibleControls, withoutFormulas } from './export-escaping';
import { ExportFormat, exportStream } from './export-stream';

const LINE_BREAK = /\r\n|\r|\n/;
const FORMULA_START = /^[=+\-@\t\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Strings rich in what matters here: line breaks, formula characters, controls, quotes. */
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '\r',
      '\n',
      '\r\n',
      '=',
      '+',
      '-',
      '@',
      '\t',
      '"',
      ',',
      "'",
      '\u001b',
      '\u009b',
    ),
    fc.constantFrom('\uFF1D', '\u2028', '\u0000', '\u007f', 'a', ' ', 'é'),
    fc.string({ unit: 'binary', maxLength: 1 }),
  ),
  maxLength: 40,
});

async function* rowsOf<T>(values: T[]): AsyncGenerator<T> {
  yield* values;
}

async function textOf(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += Buffer.isBuffer(chunk) ? chunk.toString('utf8') : chunk;
  return text;
}

describe('withoutFormulas', () => {
  it.each([
    ['=cmd|x', "'=cmd|x"],
    ['x\n=cmd|x', "x\n'=cmd|x"],
    ['a\r\n+1\r-2\n@3\n\t4', "a\r\n'+1\r'-2\n'@3\n'\t4"],
    ['\r=1', "'\r'=1"],
    ['plain\nlines', 'plain\nlines'],
    ['\uFF1D1', "'\uFF1D1"],
  ])('%j becomes %j', (text, expected) => {
    expect(withoutFormulas(text)).toBe(expected);
  });

  it('leaves no line starting a formula, and only adds quotes', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        const safe = withoutFormulas(text);
        for (const line of safe.split(LINE_BREAK)) expect(line).not.toMatch(FORMULA_START);
        expect(safe.replace(/'/g, '')).toBe(text.replace(/'/g, ''));
      }),
    );
  });
});

describe('visibleControls', () => {
  it('writes CR, ESC, C1 controls and line separators as escapes, keeping tab and LF', () => {
    expect(visibleControls('a\rb\u001b[2Jc\u009b1m\u0000\u007f\u2028\t\n')).toBe(
      'a\\rb\\x1b[2Jc\\x9b1m\\x00\\x7f\\u2028\t\n',
    );
  });
});

describe('exportStream', () => {
  it('writes CSV in which no line of the file starts a formula, and which reads back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(tricky, { maxLength: 5 }), async (texts) => {
        const rows = texts.map((text) => ({ text, n: -1 }));
        const csv = await textOf(
          await exportStream(rowsOf(rows), 'csv', { columns: ['text', 'n'] }),
        );
        for (const line of csv.replace(/^\uFEFF/, '').split(LINE_BREAK)) {
          expect(line).not.toMatch(FORMULA_START);
        }
        const parsed = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
        expect(parsed).toEqual(rows.map(({ text }) => ({ text: withoutFormulas(text), n: '-1' })));
      }),
      { numRuns: 200 },
    );
  });

  it('writes text in which every row is one line, continued only on indented lines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(tricky, { minLength: 1, maxLength: 5 }), async (texts) => {
        const text = await textOf(
          await exportStream(rowsOf(texts.map((message) => ({ message }))), 'txt', {
            columns: ['message'],
            textLine: (row) => `row ${row.message}`,
          }),
        );
        // eslint-disable-next-line no-control-regex -- the test looks for control characters
        expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/);
        const lines = text.slice(0, -1).split('\n');
        expect(lines.filter((line) => line.startsWith('row '))).toHaveLength(texts.length);
        expect(lines.every((line) => line.startsWith('row ') || line.startsWith('    '))).toBe(
          true,
        );
      }),
      { numRuns: 200 },
    );
  });

  it.each<ExportFormat>(['csv', 'json', 'txt'])(
    'fails the %s stream, not the process, when the rows fail midway',
    async (format) => {
      const failure = new Error('the database went away');
      async function* failing() {
        yield { n: 1 };
        throw failure;
      }
      const stream = await exportStream(failing(), format, { columns: ['n'] });
      await expect(textOf(stream)).rejects.toBe(failure);
    },
  );

  it('fails before streaming when the first rows cannot be read', async () => {
    const failure = new Error('invalid byte sequence');
    // eslint-disable-next-line require-yield
    async function* refused(): AsyncGenerator<{ n: number }> {
      throw failure;
    }
    await expect(exportStream(refused(), 'json', { columns: ['n'] })).rejects.toBe(failure);
  });

  it('stops reading rows when the stream is destroyed midway', async () => {
    let closed = false;
    async function* endless() {
      try {
        for (let n = 0; ; n++) yield { n };
      } finally {
        closed = true;
      }
    }
    const stream = await exportStream(endless(), 'json', { columns: ['n'] });
    let chunks = 0;
    for await (const _chunk of stream) if (++chunks === 3) break;
    for (let wait = 0; !closed && wait < 100; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(closed).toBe(true);
  });
});
