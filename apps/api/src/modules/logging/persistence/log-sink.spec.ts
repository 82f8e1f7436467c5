import { AppLogRecord } from './app-log-record';
import { LogSink } from './log-sink';

const sinkOf = () =>
  new LogSink({
    capacity: 10,
    batchSize: 10,
    flushIntervalMs: 60_000,
    onProblem: () => undefined,
  });

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ level: 30, time: Date.parse('2026-12-06T10:00:00Z'), ...fields });

describe('LogSink listeners', () => {
  it('are told of each record as it is queued, until they stop', () => {
    const sink = sinkOf();
    const seen: AppLogRecord[] = [];
    const stop = sink.observe((record) => seen.push(record));
    sink.write(line({ msg: 'first', context: 'Budgets', traceId: 'a'.repeat(32) }));
    stop();
    sink.write(line({ msg: 'second' }));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ message: 'first', module: 'Budgets', level: 'info' });
    expect(sink.backlog.queued).toBe(2);
  });

  it('cannot cost a line its storage by throwing', () => {
    const sink = sinkOf();
    sink.observe(() => {
      throw new Error('exporter down');
    });
    expect(() => sink.write(line({ msg: 'kept' }))).not.toThrow();
    expect(sink.backlog.queued).toBe(1);
  });

  it('are told of the record of each JSON line; any other line is not stored', () => {
    const sink = sinkOf();
    const seen: AppLogRecord[] = [];
    sink.observe((record) => seen.push(record));
    sink.write(`${line({ msg: 'hello', req: { method: 'GET', path: '/api/v1/x' } })}\n`);
    sink.write('token=[REDACTED] plain text\n');
    sink.write('[1, 2]\n');
    expect(seen).toEqual([
      expect.objectContaining({ message: 'hello', module: 'http', requestPath: '/api/v1/x' }),
    ]);
    expect(sink.backlog.queued).toBe(1);
  });
});
