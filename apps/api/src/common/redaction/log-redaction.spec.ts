import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { createRedactor } from '@ledgerlens/redaction';
import pino, { DestinationStream, Logger } from 'pino';
import { HttpLogger, Options, pinoHttp } from 'pino-http';
import { loggerOptions } from '../../app/logger.options';
import { loadConfig } from '../../config/app-config';
import { logRedaction } from './log-redaction';

const JWT =
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const CARD = '4111 1111 1111 1111';

/** The API's logger (its pino-http settings, every level) writing its lines to `lines`. */
function apiLogger(lines: string[]): HttpLogger {
  const console = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const config = loadConfig({ LOG_LEVEL: 'trace', LOG_PERSIST_LEVEL: 'silent' });
  const { pinoHttp: settings } = loggerOptions(config, createRedactor(), { console });
  const [options, stream] = settings as [Options, DestinationStream];
  return pinoHttp(options, stream);
}

/** What pino-http reads of a request and a response, for one request that ends with `status`. */
function exchange(url: string, headers: Record<string, string>, status: number) {
  const request = { method: 'GET', url, originalUrl: url, headers, socket: {} };
  const response = Object.assign(new EventEmitter(), {
    statusCode: status,
    headersSent: true,
    writableEnded: true,
    getHeaders: () => ({}),
    setHeader: () => undefined,
  });
  return { request, response };
}

describe('log redaction', () => {
  let lines: string[];
  let http: HttpLogger;
  let logger: Logger;
  const lastLine = () => JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;

  beforeEach(() => {
    lines = [];
    http = apiLogger(lines);
    logger = http.logger;
  });

  it('redacts a line by key and by value, keeping it one line', () => {
    logger.info({ password: 'x', n: 1 }, `card ${CARD}`);
    expect(lastLine()).toMatchObject({ msg: 'card [REDACTED:card]', password: '[REDACTED]', n: 1 });
    const written = lines[lines.length - 1];
    expect(written.endsWith('\n')).toBe(true);
    expect(written.indexOf('\n')).toBe(written.length - 1);
  });

  it('redacts a message that is plain text as text', () => {
    logger.info('token=abc123 plain text');
    expect(lastLine()['msg']).toBe('token=[REDACTED] plain text');
  });

  it('redacts the message after %s interpolation', () => {
    logger.info('signed in with %s from %s', `Bearer ${JWT}`, 'the web');
    expect(lastLine()['msg']).toBe('signed in with Bearer [REDACTED:jwt] from the web');
  });

  it('redacts objects interpolated with %o and %j by key, before they become text', () => {
    logger.info({ context: 'Auth' }, 'login %o, retry %j', { password: 'hunter2' }, { pin: 1 });
    expect(lastLine()).toMatchObject({
      context: 'Auth',
      msg: 'login {"password":"[REDACTED]"}, retry {"pin":1}',
    });
  });

  it("redacts an error's message and stack, and the message pino takes from it", () => {
    logger.error(new Error(`refused token=abc123 for card ${CARD}`));
    const line = lastLine();
    const error = line['err'] as Record<string, string>;
    expect(line['msg']).toBe('refused token=[REDACTED] for card [REDACTED:card]');
    expect(error['type']).toBe('Error');
    expect(error['message']).toBe(line['msg']);
    expect(error['stack']).toMatch(
      /^Error: refused token=\[REDACTED\] for card \[REDACTED:card\]\n/,
    );
    expect(JSON.stringify(line)).not.toContain('abc123');
  });

  it('redacts { err } and what the error carries', () => {
    const error = Object.assign(new Error('upstream said no'), {
      config: { headers: { authorization: `Bearer ${JWT}`, accept: 'json' } },
    });
    logger.error({ err: error, job: 'sync' }, 'A job failed');
    expect(lastLine()).toMatchObject({
      msg: 'A job failed',
      job: 'sync',
      err: {
        type: 'Error',
        message: 'upstream said no',
        config: { headers: { authorization: '[REDACTED]', accept: 'json' } },
      },
    });
  });

  it('redacts nested objects of the merge object at any depth', () => {
    logger.info(
      { context: 'Budgets', payload: { user: { apiKey: 'k-1', notes: [`paid with ${CARD}`] } } },
      'saved',
    );
    expect(lastLine()).toMatchObject({
      context: 'Budgets',
      payload: { user: { apiKey: '[REDACTED]', notes: ['paid with [REDACTED:card]'] } },
    });
  });

  it("redacts each child's bindings once, keeping those it inherits", () => {
    const child = logger.child({ traceId: JWT, userId: 'ann' });
    const grandchild = child.child({ sessionToken: 'st-1', step: 2 }).child({});
    grandchild.info('working');
    expect(lastLine()).toMatchObject({
      traceId: '[REDACTED:jwt]',
      userId: 'ann',
      sessionToken: '[REDACTED]',
      step: 2,
      msg: 'working',
    });
    expect(lines.join('')).not.toContain('st-1');
  });

  it('redacts the bindings of the root logger', () => {
    const root = pino(
      { base: { token: 'root-secret', service: 'api' }, ...logRedaction(createRedactor(), {}) },
      { write: (line: string) => lines.push(line) },
    );
    root.info('up');
    expect(lastLine()).toMatchObject({ token: '[REDACTED]', service: 'api', msg: 'up' });
  });

  it("keeps a request line to method and path, redacting the path and the trace ID's header", () => {
    const { request, response } = exchange(
      `/api/v1/reset/${JWT}/token=abc123?access_token=q-secret&page=2`,
      { 'x-trace-id': JWT, authorization: `Bearer ${JWT}`, cookie: 'sid=c-secret' },
      404,
    );
    http(request as never, response as never);
    response.emit('finish');
    const line = lastLine();
    expect(line).toMatchObject({
      msg: 'request completed',
      traceId: '[REDACTED:jwt]',
      req: { method: 'GET', path: '/api/v1/reset/[REDACTED:jwt]/token=[REDACTED]' },
      res: { status: 404 },
    });
    for (const secret of [JWT, 'abc123', 'q-secret', 'c-secret']) {
      expect(lines.join('')).not.toContain(secret);
    }
  });

  it('keeps a request logged as the merge object to its method and redacted path', () => {
    const { request } = exchange(`/cb/${JWT}?state=1`, { authorization: 'Basic x' }, 200);
    logger.info(request, 'callback');
    expect(lastLine()).toMatchObject({ req: { method: 'GET', path: '/cb/[REDACTED:jwt]' } });
    expect(lastLine()['req']).not.toHaveProperty('headers');
  });
});
