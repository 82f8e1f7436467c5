import { LOG_INGEST_LIMITS } from '@ledgerlens/contracts';
import { createRedactor, redactor } from '@ledgerlens/redaction';
import { sequentialIds } from '../test/test-browser';
import { createEntryFactory, type EntryDraft, MAX_CONTEXT_BYTES } from './log-entry';
import { utf8Bytes } from './wire-limits';

const NOW = Date.UTC(2030, 0, 1, 9, 30);
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

function factory(overrides: Partial<Parameters<typeof createEntryFactory>[0]> = {}) {
  return createEntryFactory({
    redactor,
    now: () => NOW,
    randomId: sequentialIds(),
    sessionId: 'session-1',
    release: '1.4.0',
    currentUrl: () => 'https://app.ledgerlens.test/budgets',
    ...overrides,
  });
}

const build = (draft: Partial<EntryDraft>) =>
  factory()({ level: 'info', message: 'hello', fields: {}, ...draft });

describe('entry factory', () => {
  it('makes an entry with a new clientId, the time, session, page and release', () => {
    expect(build({ level: 'warn', message: 'slow render' })).toEqual({
      clientId: '00000000-0000-4000-8000-000000000000',
      timestamp: '2030-01-01T09:30:00.000Z',
      level: 'warn',
      message: 'slow render',
      sessionId: 'session-1',
      url: 'https://app.ledgerlens.test/budgets',
      release: '1.4.0',
    });
  });

  it('carries the request fields of the logger', () => {
    const entry = build({
      fields: {
        module: 'TransactionsPage',
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        requestMethod: 'GET',
        requestPath: '/api/v1/transactions',
        statusCode: 503,
        durationMs: 1234.6,
      },
    });
    expect(entry).toMatchObject({
      module: 'TransactionsPage',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      requestMethod: 'GET',
      requestPath: '/api/v1/transactions',
      statusCode: 503,
      durationMs: 1235,
    });
  });

  it('leaves out fields the API would refuse instead of sinking the batch', () => {
    const entry = build({
      fields: { traceId: 'not a trace id!', statusCode: 42, durationMs: -3 },
    });
    expect(entry).not.toHaveProperty('traceId');
    expect(entry).not.toHaveProperty('statusCode');
    expect(entry).not.toHaveProperty('durationMs');
  });

  it('replaces NUL and unpaired surrogates, which the API refuses, in text and context', () => {
    const entry = build({
      message: 'a\u0000b \ud800',
      stack: 'at \udc00',
      fields: { module: 'M\u0000', context: { note: 'x\ud83d', list: ['\u0000'] } },
    });
    expect(entry.message).toBe('a\ufffdb \ufffd');
    expect(entry.stack).toBe('at \ufffd');
    expect(entry.module).toBe('M\ufffd');
    expect(entry.context).toEqual({ note: 'x\ufffd', list: ['\ufffd'] });
  });

  it('redacts message, stack, page, request path and context before anything else', () => {
    const entry = factory({
      currentUrl: () => 'https://app.ledgerlens.test/cb?code=1&access_token=abc',
    })({
      level: 'error',
      message: `refresh failed for Bearer ${JWT}`,
      stack: `Error: token ${JWT}\n    at refresh (session.ts:4:2)`,
      fields: {
        requestPath: '/api/v1/auth/refresh?refresh_token=xyz',
        context: { password: 'hunter2' },
      },
      context: { card: '4111 1111 1111 1111', nested: { apiKey: 'k-123' } },
    });
    const wire = JSON.stringify(entry);
    for (const secret of [
      JWT,
      'hunter2',
      'access_token=abc',
      'refresh_token=xyz',
      '4111 1111',
      'k-123',
    ]) {
      expect(wire).not.toContain(secret);
    }
    expect(entry.context).toEqual({
      password: '[REDACTED]',
      card: '[REDACTED:card]',
      nested: { apiKey: '[REDACTED]' },
    });
  });

  it('redacts before cutting, so a secret at the limit leaves no visible part', () => {
    const card = '4111111111111111';
    const filler = 'x'.repeat(LOG_INGEST_LIMITS.messageBytes - 8);
    const entry = build({ message: `${filler} ${card}` });
    expect(utf8Bytes(entry.message)).toBeLessThanOrEqual(LOG_INGEST_LIMITS.messageBytes);
    expect(entry.message).not.toMatch(/4111/);
  });

  it('cuts message and stack to the API byte limit and text fields to their lengths', () => {
    const entry = build({
      message: 'ü'.repeat(LOG_INGEST_LIMITS.messageBytes),
      stack: 'at x\n'.repeat(20_000),
      fields: { module: 'M'.repeat(300), requestMethod: 'PROPPATCHES' },
    });
    expect(utf8Bytes(entry.message)).toBeLessThanOrEqual(LOG_INGEST_LIMITS.messageBytes);
    expect(entry.message.endsWith('…')).toBe(true);
    expect(utf8Bytes(entry.stack as string)).toBeLessThanOrEqual(LOG_INGEST_LIMITS.messageBytes);
    expect(entry.module).toHaveLength(128);
    expect(entry.requestMethod).toBe('PROPPATCHE');
  });

  it('makes the context plain JSON: bigints, maps, sets, errors, dates and cycles', () => {
    const cycle: Record<string, unknown> = { name: 'loop' };
    cycle['self'] = cycle;
    const entry = build({
      context: {
        amount: 12n,
        byId: new Map([['a', 1]]),
        tags: new Set(['x']),
        error: new TypeError('bad'),
        at: new Date(NOW),
        cycle,
        skip: undefined,
        onClick: () => undefined,
      },
    });
    expect(entry.context).toEqual({
      amount: '12',
      byId: { a: 1 },
      tags: ['x'],
      error: expect.objectContaining({ name: 'TypeError', message: 'bad' }) as unknown,
      at: '2030-01-01T09:30:00.000Z',
      cycle: { name: 'loop', self: '[Circular]' },
    });
  });

  it('leaves out a context too large for one entry, saying how large it was', () => {
    const entry = build({ context: { blob: 'x'.repeat(MAX_CONTEXT_BYTES) } });
    expect(entry.context).toEqual({
      contextOmitted: { bytes: MAX_CONTEXT_BYTES + 11, limitBytes: MAX_CONTEXT_BYTES },
    });
  });

  it('uses the configured redactor', () => {
    const entry = factory({ redactor: createRedactor({ extraKeys: ['iban'] }) })({
      level: 'info',
      message: 'paid',
      fields: {},
      context: { iban: 'DE89370400440532013000' },
    });
    expect(entry.context).toEqual({ iban: '[REDACTED]' });
  });
});
