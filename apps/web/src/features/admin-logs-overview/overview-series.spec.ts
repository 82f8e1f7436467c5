import { filterValuesOf } from '../admin-logs';
import {
  bucketLabel,
  errorCount,
  errorLinesHref,
  errorSearchText,
  hasExceptions,
  hasLines,
  MAX_SEARCH_LENGTH,
  topErrorRows,
  volumeRows,
} from './overview-series';
import { aTopError, counts, emptyStatistics, someStatistics } from './testing/statistics-factories';
import { defined } from '../../test/defined';

const NOW = Date.parse('2026-11-21T11:00:00.000Z');
/** What the LogViewer reads from a link: the filters it would apply. */
const viewerFiltersOf = (href: string) => {
  const url = new URL(href, 'http://localhost');
  expect(url.pathname).toBe('/admin/logs');
  return filterValuesOf(url.searchParams);
};

describe('volumeRows', () => {
  it('turns each bucket into a row with its start in epoch ms and a count per level', () => {
    expect(volumeRows(someStatistics())).toEqual([
      {
        time: Date.parse('2026-11-21T10:00:00.000Z'),
        ...counts({ info: 40, warn: 2, error: 3 }),
      },
      {
        time: Date.parse('2026-11-21T10:05:00.000Z'),
        ...counts({ info: 50, debug: 5, fatal: 1 }),
      },
    ]);
  });

  it('keeps empty buckets as zeros so gaps show where they happened', () => {
    expect(volumeRows(emptyStatistics())).toEqual([
      { time: Date.parse('2026-11-21T10:00:00.000Z'), ...counts() },
    ]);
  });
});

describe('hasLines, errorCount, hasExceptions', () => {
  it('tell an empty range from one with lines', () => {
    expect(hasLines(someStatistics())).toBe(true);
    expect(hasLines(emptyStatistics())).toBe(false);
  });

  it('counts errors and fatals together', () => {
    expect(errorCount(someStatistics())).toBe(4);
  });

  it('sees exceptions only when a bucket has one', () => {
    expect(hasExceptions({ buckets: [0, 0, 2] })).toBe(true);
    expect(hasExceptions({ buckets: [0, 0] })).toBe(false);
    expect(hasExceptions({ buckets: [] })).toBe(false);
  });
});

describe('bucketLabel', () => {
  it.each([
    [60, '1 min'],
    [300, '5 min'],
    [900, '15 min'],
    [3_600, '1 h'],
    [10_800, '3 h'],
    [86_400, '1 d'],
    [604_800, '7 d'],
    [45, '45 s'],
  ])('%i seconds read as %s', (seconds, label) => {
    expect(bucketLabel(seconds)).toBe(label);
  });
});

describe('errorSearchText', () => {
  it('takes the longest literal part of the template, which every message of it contains', () => {
    const error = aTopError({ pattern: 'Payment <num> failed for user <uuid>' });
    expect(errorSearchText(error)).toBe('failed for user');
    expect(error.example.toLowerCase()).toContain(errorSearchText(error));
  });

  it("treats quoted values and a cut template's ellipsis as placeholders", () => {
    expect(
      errorSearchText(aTopError({ pattern: "Category '<str>' not found in budget <num>…" })),
    ).toBe('not found in budget');
  });

  it('falls back to the example when the template is only placeholders', () => {
    expect(errorSearchText(aTopError({ pattern: '<num> <uuid>', example: '42 abc' }))).toBe(
      '42 abc',
    );
  });

  it('is cut to what the text filter accepts', () => {
    const long = 'x'.repeat(600);
    expect(errorSearchText(aTopError({ pattern: long, example: long }))).toHaveLength(
      MAX_SEARCH_LENGTH,
    );
  });
});

describe('errorLinesHref', () => {
  it('links to the LogViewer with error level and above, the text and the same preset range', () => {
    const filters = viewerFiltersOf(errorLinesHref('failed for user', '24h', NOW));
    expect(filters).toMatchObject({
      minLevel: 'error',
      levels: [],
      q: 'failed for user',
      range: '24h',
    });
  });

  it('turns 30 days, which the viewer has no preset for, into a range from 30 days ago', () => {
    const filters = viewerFiltersOf(errorLinesHref('boom', '30d', NOW));
    expect(filters).toMatchObject({
      minLevel: 'error',
      q: 'boom',
      range: 'custom',
      from: '2026-10-22T11:00:00.000Z',
      to: '',
    });
  });

  it('keeps text with URL characters intact', () => {
    expect(viewerFiltersOf(errorLinesHref('a&b=c #1 100%', '1h', NOW)).q).toBe('a&b=c #1 100%');
  });
});

describe('topErrorRows', () => {
  it('keeps the order, counts and times and adds each error its link', () => {
    const rows = topErrorRows(
      [aTopError(), aTopError({ pattern: 'Timeout after <duration>', count: 3 })],
      '1h',
      NOW,
    );
    expect(rows.map((row) => [row.pattern, row.count, row.lastSeen])).toEqual([
      ['Payment <num> failed for user <uuid>', 12, '2026-11-21T10:45:00.000Z'],
      ['Timeout after <duration>', 3, '2026-11-21T10:45:00.000Z'],
    ]);
    expect(viewerFiltersOf(defined(rows[1]).linesHref).q).toBe('Timeout after');
  });
});
