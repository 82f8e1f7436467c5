import type { BrowserLogEntry } from '@ledgerlens/contracts';
import fc from 'fast-check';
import { batchBody, fittingCount, splitIntoBatches } from './batches';
import { utf8Bytes } from './wire-limits';

const entry = (message: string): BrowserLogEntry => ({
  clientId: '00000000-0000-4000-8000-000000000001',
  timestamp: '2030-01-01T00:00:00.000Z',
  level: 'info',
  message,
});

const bodyBytes = (entries: BrowserLogEntry[]) => utf8Bytes(batchBody(entries));

describe('fittingCount', () => {
  it('stops at the entry limit', () => {
    const entries = Array.from({ length: 7 }, (_, index) => entry(`${index}`));
    expect(fittingCount(entries, { maxEntries: 5, maxBytes: 1e6 })).toBe(5);
  });

  it('stops where the next entry would pass the byte limit', () => {
    const entries = [entry('a'), entry('b'), entry('c')];
    const maxBytes = bodyBytes(entries.slice(0, 2));
    expect(fittingCount(entries, { maxEntries: 100, maxBytes })).toBe(2);
    expect(fittingCount(entries, { maxEntries: 100, maxBytes: maxBytes - 1 })).toBe(1);
  });

  it('counts reserved entries against both limits', () => {
    const entries = [entry('a'), entry('b'), entry('c')];
    const report = entry('report');
    expect(fittingCount(entries, { maxEntries: 3, maxBytes: 1e6 }, [report])).toBe(2);
    const maxBytes = bodyBytes([report, ...entries.slice(0, 1)]);
    expect(fittingCount(entries, { maxEntries: 100, maxBytes }, [report])).toBe(1);
  });

  it('always takes the first entry, even one too large alone', () => {
    expect(fittingCount([entry('x'.repeat(500))], { maxEntries: 100, maxBytes: 100 })).toBe(1);
  });
});

describe('splitIntoBatches', () => {
  it('keeps every entry in order, each batch within the limits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 60, unit: 'grapheme' }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 150, max: 600 }),
        (messages, maxEntries, maxBytes) => {
          const entries = messages.map(entry);
          const batches = splitIntoBatches(entries, { maxEntries, maxBytes });
          expect(batches.flat()).toEqual(entries);
          for (const batch of batches) {
            expect(batch.length).toBeGreaterThan(0);
            expect(batch.length).toBeLessThanOrEqual(maxEntries);
            if (batch.length > 1) expect(bodyBytes(batch)).toBeLessThanOrEqual(maxBytes);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
