import { LIVE_TAIL_LIMITS, RealtimeEnvelope } from '@ledgerlens/contracts';
import type { AppLogRecord } from '../../logging/persistence/app-log-record';
import { logRecord } from '../../../../test/support/log-records';
import { TailSubscription } from './tail-subscription';

const record = (message: string, overrides: Partial<AppLogRecord> = {}): AppLogRecord =>
  logRecord({ loggedAt: '2026-11-21T10:00:00.000Z', module: 'http', message, ...overrides });

function tail(filter = {}) {
  const sent: RealtimeEnvelope[] = [];
  const clock = { now: 0 };
  const subscription = new TailSubscription(
    { emit: (_event, envelope) => sent.push(envelope) },
    filter,
    () => clock.now,
  );
  const messages = () =>
    sent.map((envelope) =>
      envelope.type === 'log.skipped'
        ? `skipped ${(envelope.payload as { count: number }).count}`
        : (envelope.payload as { message: string }).message,
    );
  /** Moves the clock and runs the timers due by then. */
  const advance = (ms: number) => {
    clock.now += ms;
    jest.advanceTimersByTime(ms);
  };
  return { subscription, sent, clock, messages, advance };
}

const lines = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => record(`line ${from + i}`));

describe('TailSubscription', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends matching lines as log.created envelopes', () => {
    const { subscription, sent } = tail({ minLevel: 'warn' });
    subscription.offer([
      record('quiet'),
      record('loud', { level: 'error', traceId: 'trace-1', extraData: { a: 1 } }),
    ]);
    expect(sent).toEqual([
      {
        type: 'log.created',
        payload: {
          timestamp: '2026-11-21T10:00:00.000Z',
          level: 'error',
          source: 'backend',
          module: 'http',
          message: 'loud',
          traceId: 'trace-1',
          userId: null,
          requestMethod: null,
          requestPath: null,
          statusCode: null,
          durationMs: null,
          extra: { a: 1 },
        },
        traceId: 'trace-1',
        at: expect.any(String) as unknown,
      },
    ]);
  });

  it('sends at most the limit a second and reports the rest when the second is over', () => {
    const limit = LIVE_TAIL_LIMITS.linesPerSecond;
    const { subscription, messages, advance } = tail();
    subscription.offer(lines(limit + 20));
    expect(messages()).toHaveLength(limit);
    advance(999);
    expect(messages()).toHaveLength(limit);
    advance(1);
    expect(messages().at(-1)).toBe('skipped 20');
    advance(5000);
    expect(messages()).toHaveLength(limit + 1);
  });

  it('reports skipped lines before the next line sent, once', () => {
    const limit = LIVE_TAIL_LIMITS.linesPerSecond;
    const { subscription, clock, messages, advance } = tail();
    subscription.offer(lines(limit + 2));
    // A line arrives as the window ends, before the marker's timer has run.
    clock.now = 1000;
    subscription.offer([record('next')]);
    advance(1000);
    expect(messages().slice(limit)).toEqual(['skipped 2', 'next']);
  });

  it('stops its marker when closed', () => {
    const { subscription, messages, advance } = tail();
    subscription.offer(lines(LIVE_TAIL_LIMITS.linesPerSecond + 1));
    subscription.close();
    advance(2000);
    expect(messages()).toHaveLength(LIVE_TAIL_LIMITS.linesPerSecond);
  });

  it('keeps its rate limit when refiltered', () => {
    const { subscription, messages } = tail({ module: 'a' });
    subscription.offer(
      lines(LIVE_TAIL_LIMITS.linesPerSecond, 0).map((r) => ({ ...r, module: 'a' })),
    );
    subscription.refilter({ module: 'b' });
    subscription.offer([record('b line', { module: 'b' }), record('a line', { module: 'a' })]);
    expect(messages()).toHaveLength(LIVE_TAIL_LIMITS.linesPerSecond);
  });
});
