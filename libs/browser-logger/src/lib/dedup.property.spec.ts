import fc from 'fast-check';
import { TestBrowser } from '../test/test-browser';
import { BROWSER_LOGGER_DEFAULTS } from './options';

/**
 * Property 3 (log de-duplication): for any sequence of entries, pauses and flushes, what the API
 * receives is the sequence collapsed by an independent model — one entry per occurrence window,
 * with the right repeat count and last repeat time, in order.
 */

const WINDOW_MS = BROWSER_LOGGER_DEFAULTS.dedupWindowMs;
const ERROR_DELAY_MS = BROWSER_LOGGER_DEFAULTS.errorDelayMs;

type Level = 'info' | 'warn' | 'error';

type Step =
  | { kind: 'log'; level: Level; message: string; stack?: string }
  | { kind: 'wait'; ms: number }
  | { kind: 'flush' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record(
      {
        kind: fc.constant('log' as const),
        level: fc.constantFrom<Level>('info', 'warn', 'error'),
        message: fc.constantFrom('disk full', 'timeout', 'Cannot read properties of undefined'),
        stack: fc.constantFrom('at render (App.tsx:10:5)', 'at load (api.ts:3:1)'),
      },
      { requiredKeys: ['kind', 'level', 'message'] },
    ),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      // Around the window's edge as often as well inside or beyond it.
      ms: fc.oneof(
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: WINDOW_MS - 2, max: WINDOW_MS + 2 }),
        fc.integer({ min: 0, max: 3 * WINDOW_MS }),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'flush' as const }) },
);

interface ExpectedEntry {
  level: Level;
  message: string;
  stack?: string;
  firstAt: number;
  lastAt: number;
  count: number;
  windowEnd: number;
}

/** The collapsed sequence, computed from the steps alone. */
function collapse(steps: Step[], start: number): ExpectedEntry[] {
  const expected: ExpectedEntry[] = [];
  let now = start;
  for (const current of steps) {
    if (current.kind === 'wait') now += current.ms;
    else if (current.kind === 'flush')
      for (const entry of expected) entry.windowEnd = Math.min(entry.windowEnd, now);
    else {
      const open = expected.find(
        (entry) =>
          now < entry.windowEnd &&
          entry.level === current.level &&
          entry.message === current.message &&
          entry.stack === current.stack,
      );
      if (open) {
        open.count += 1;
        open.lastAt = now;
      } else {
        const { level, message, stack } = current;
        expected.push({
          level,
          message,
          stack,
          firstAt: now,
          lastAt: now,
          count: 1,
          // Errors are held for repeats a shorter time, so they reach the live tail quickly.
          windowEnd: now + (level === 'error' ? Math.min(WINDOW_MS, ERROR_DELAY_MS) : WINDOW_MS),
        });
      }
    }
  }
  return expected;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Errors go out ahead of earlier entries: the property is about what is sent, not its order. */
const inLogOrder = <
  Entry extends { timestamp: string; level: string; message: string; stack?: string },
>(
  entries: Entry[],
) =>
  [...entries].sort((a, b) =>
    [a.timestamp, a.level, a.message, a.stack ?? ''].join('\0') <
    [b.timestamp, b.level, b.message, b.stack ?? ''].join('\0')
      ? -1
      : 1,
  );

describe('property 3: de-duplication', () => {
  it('sends exactly the collapsed sequence, with repeat counts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40 }), async (steps) => {
        const browser = new TestBrowser();
        const start = browser.clock.now();
        const logger = browser.openPage();
        for (const current of steps) {
          if (current.kind === 'wait') await browser.clock.advance(current.ms);
          else if (current.kind === 'flush') await logger.flush();
          else if (current.stack) {
            logger.captureError(
              Object.assign(new Error(current.message), { stack: current.stack }),
            );
          } else logger[current.level](current.message);
        }
        await browser.clock.advance(WINDOW_MS + BROWSER_LOGGER_DEFAULTS.flushIntervalMs);

        const expected = collapse(
          // captureError logs at level error.
          steps.map((current) =>
            current.kind === 'log' && current.stack ? { ...current, level: 'error' } : current,
          ),
          start,
        );
        const sent = inLogOrder(
          browser.api.acknowledgedEntries.map((entry) => ({
            level: entry.level,
            message: entry.message,
            stack: entry.stack,
            timestamp: entry.timestamp,
            repeatCount: entry.context?.['repeatCount'] ?? 1,
            lastRepeatAt: entry.context?.['lastRepeatAt'] ?? entry.timestamp,
          })),
        );
        expect(sent).toEqual(
          inLogOrder(
            expected.map((entry) => ({
              level: entry.level,
              message: entry.message,
              stack: entry.stack,
              timestamp: iso(entry.firstAt),
              repeatCount: entry.count,
              lastRepeatAt: iso(entry.lastAt),
            })),
          ),
        );
        expect(browser.api.requests.every((request) => request.status === 200)).toBe(true);
        logger.dispose();
      }),
      { numRuns: 300 },
    );
  });
});
