import { LOG_INGEST_LIMITS } from '@ledgerlens/contracts';
import { isSendable, truncateChars, truncateUtf8, utf8Bytes } from './wire-limits';

const HOUR_MS = 3_600_000;
const MAX_AGE_MS = LOG_INGEST_LIMITS.maxAgeDays * 24 * HOUR_MS;

describe('truncateUtf8', () => {
  it('keeps text within the limit as it is', () => {
    expect(truncateUtf8('häuser', 7)).toBe('häuser');
  });

  it('cuts between characters, ellipsis included in the limit', () => {
    const text = 'ab€€€€'; // 2 + 4 × 3 bytes
    const cut = truncateUtf8(text, 10);
    expect(cut).toBe('ab€…');
    expect(utf8Bytes(cut)).toBeLessThanOrEqual(10);
  });

  it('never splits a character outside the basic plane', () => {
    const cut = truncateUtf8('😀'.repeat(10), 14);
    expect(cut).toBe('😀😀…');
    expect(cut).not.toContain('\uFFFD');
  });
});

describe('truncateChars', () => {
  it('cuts to the limit without splitting a surrogate pair', () => {
    expect(truncateChars('abcdef', 4)).toBe('abcd');
    expect(truncateChars('abc😀', 4)).toBe('abc');
    expect(truncateChars('ab😀', 4)).toBe('ab😀');
  });
});

describe('isSendable', () => {
  const now = Date.UTC(2030, 0, 8);
  const at = (offsetMs: number) => new Date(now + offsetMs).toISOString();

  it('takes entries up to an hour short of the API age limit', () => {
    expect(isSendable(at(-MAX_AGE_MS + HOUR_MS), now)).toBe(true);
    expect(isSendable(at(-MAX_AGE_MS + HOUR_MS - 1), now)).toBe(false);
  });

  it('takes entries up to five minutes short of the API clock tolerance ahead', () => {
    const tolerance = LOG_INGEST_LIMITS.clockToleranceMinutes * 60_000;
    expect(isSendable(at(tolerance - 5 * 60_000), now)).toBe(true);
    expect(isSendable(at(tolerance - 5 * 60_000 + 1), now)).toBe(false);
  });
});
