import { createRedactor } from '@ledgerlens/redaction';
import { OCCURRENCE_LIMITS, occurrenceOf } from './occurrence';

const redactor = createRedactor();
const now = new Date('2026-11-20T10:00:00.000Z');
const defaults = {
  redactor,
  now,
  traceId: 'trace-1',
  userId: '5e0c2d1a-8f3b-4c6d-9e7f-0a1b2c3d4e5f',
};

describe('occurrenceOf', () => {
  it('takes a thrown error’s type, message, stack, code and cause, and the request context', () => {
    const error = Object.assign(
      new RangeError('Amount 12 out of range', { cause: new Error('bad input') }),
      {
        code: 'E_RANGE',
      },
    );
    const occurrence = occurrenceOf(
      { error, origin: 'http', request: { method: 'POST', path: '/api/v1/x?token=abc' } },
      { ...defaults, release: '1.2.3' },
    );
    expect(occurrence).toMatchObject({
      type: 'RangeError',
      title: 'RangeError: Amount <num> out of range',
      message: 'Amount 12 out of range',
      level: 'error',
      source: 'backend',
      occurredAt: now.toISOString(),
      traceId: 'trace-1',
      userId: defaults.userId,
      requestMethod: 'POST',
      release: '1.2.3',
      context: {
        origin: 'http',
        code: 'E_RANGE',
        cause: { type: 'Error', message: 'bad input' },
      },
    });
    expect(occurrence.requestPath).not.toContain('abc');
    expect(occurrence.stack).toContain('RangeError: Amount 12 out of range');
    expect(occurrence.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a thrown string or object as the message, typed Error', () => {
    expect(occurrenceOf({ error: 'plain failure', origin: 'test' }, defaults)).toMatchObject({
      type: 'Error',
      message: 'plain failure',
      stack: null,
    });
    expect(
      occurrenceOf({ error: { message: 'shaped like an error' }, origin: 'test' }, defaults),
    ).toMatchObject({
      type: 'Error',
      message: 'shaped like an error',
    });
    expect(occurrenceOf({ error: { status: 7 }, origin: 'test' }, defaults).message).toBe(
      '{"status":7}',
    );
    expect(occurrenceOf({ error: undefined, message: 'x', origin: 'test' }, defaults).type).toBe(
      'Error',
    );
  });

  it('redacts message, stack and context before the title and fingerprint are made', () => {
    const error = new Error('Login failed: password=hunter2');
    const occurrence = occurrenceOf(
      { error, origin: 'test', context: { apiKey: 'sk_live_1', safe: 'kept' } },
      defaults,
    );
    const text = JSON.stringify(occurrence);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('sk_live_1');
    expect(occurrence.context['safe']).toBe('kept');
    const other = occurrenceOf(
      { error: new Error('Login failed: password=swordfish'), origin: 'test' },
      defaults,
    );
    expect(other.fingerprint).toBe(occurrence.fingerprint);
  });

  it('describes a browser error known as text: type from its first line, fingerprint from its context', () => {
    const occurrence = occurrenceOf(
      {
        source: 'frontend',
        origin: 'browser',
        level: 'fatal',
        message: 'Uncaught TypeError: x is undefined',
        occurredAt: '2026-11-20T09:59:00.000Z',
        traceId: null,
        userId: null,
        context: { fingerprint: ['checkout'] },
      },
      defaults,
    );
    expect(occurrence).toMatchObject({
      type: 'TypeError',
      message: 'x is undefined',
      title: 'TypeError: x is undefined',
      level: 'fatal',
      source: 'frontend',
      occurredAt: '2026-11-20T09:59:00.000Z',
      traceId: null,
      userId: null,
      release: null,
    });
    const sameOverride = occurrenceOf(
      {
        source: 'frontend',
        origin: 'browser',
        message: 'Other',
        context: { fingerprint: ['checkout'] },
      },
      defaults,
    );
    expect(sameOverride.fingerprint).toBe(occurrence.fingerprint);
  });

  it('bounds what it keeps: long texts cut, a large context replaced by its size, bad values dropped', () => {
    const occurrence = occurrenceOf(
      {
        message: 'm'.repeat(OCCURRENCE_LIMITS.message + 10),
        stack: 's'.repeat(OCCURRENCE_LIMITS.stack + 10),
        origin: 'test',
        traceId: 't'.repeat(500),
        userId: 'not-a-uuid',
        occurredAt: 'not a date',
        request: { method: 'PROPFIND-LONG', path: '/p' },
        context: { blob: 'b'.repeat(OCCURRENCE_LIMITS.contextBytes) },
      },
      defaults,
    );
    expect(occurrence.message).toHaveLength(OCCURRENCE_LIMITS.message);
    expect(occurrence.stack).toHaveLength(OCCURRENCE_LIMITS.stack);
    expect(occurrence.traceId).toHaveLength(OCCURRENCE_LIMITS.traceId);
    expect(occurrence.userId).toBeNull();
    expect(occurrence.occurredAt).toBe(now.toISOString());
    expect(occurrence.requestMethod).toBe('PROPFIND-L');
    expect(occurrence.context).toEqual({
      origin: 'test',
      omitted: true,
      sizeBytes: expect.any(Number) as unknown,
    });
  });
});
