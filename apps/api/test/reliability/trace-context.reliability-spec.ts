import { loadConfig } from '../../src/config/app-config';
import { createTestApp, TestApp } from '../support/test-app';
import { CallbackReceiver, ReceivedCall } from './support/callback-receiver';

/**
 * W3C Trace Context conformance, end to end: requests with chosen `traceparent` and `tracestate`
 * headers go to the conformance route, whose instructions make the API call a real local
 * receiver; what the receiver got must be what the specification asks for. The cases mirror the
 * official test suite (w3c/trace-context test/test.py, STRICT_LEVEL 2); see
 * docs/reliability/trace-context.md.
 */

const ROUTE = '/api/v1/conformance/trace-context';
const TRACE_ID = '12345678901234567890123456789012';
const PARENT_ID = '1234567890123456';
const TRACEPARENT = `00-${TRACE_ID}-${PARENT_ID}-01`;
const OUTGOING_TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

type HeaderList = Array<[name: string, value: string]>;

interface Outgoing {
  traceId: string;
  parentId: string;
  flags: string;
  /** The combined tracestate the receiver got; undefined when none was sent. */
  tracestate?: string;
}

/** The trace context of a received call, asserting there is exactly one valid traceparent. */
function outgoingOf(call: ReceivedCall): Outgoing {
  const traceparents = call.rawHeaders.filter(([name]) => name.toLowerCase() === 'traceparent');
  expect(traceparents).toHaveLength(1);
  expect(traceparents[0][0]).toBe('traceparent');
  const match = OUTGOING_TRACEPARENT.exec(traceparents[0][1]);
  expect(match).not.toBeNull();
  const [, traceId, parentId, flags] = match as RegExpExecArray;
  expect(traceId).not.toBe('0'.repeat(32));
  expect(parentId).not.toBe('0'.repeat(16));
  const tracestate = call.headers['tracestate'];
  return { traceId, parentId, flags, tracestate: tracestate as string | undefined };
}

describe('W3C Trace Context conformance', () => {
  let testApp: TestApp;
  let receiver: CallbackReceiver;
  let caseNumber = 0;

  beforeAll(async () => {
    receiver = await CallbackReceiver.start();
    testApp = await createTestApp({ TRACE_CONTEXT_CONFORMANCE: 'true' });
  });
  afterAll(async () => {
    await testApp.close();
    await receiver.close();
  });

  /**
   * Sends the conformance route `headers` (repeated names become repeated header lines) with
   * instructions to call the receiver `count` times; answers the calls in order.
   */
  async function conform(headers: HeaderList, count = 1) {
    caseNumber += 1;
    const paths = Array.from({ length: count }, (_, index) => `/case/${caseNumber}/${index}`);
    const grouped = new Map<string, string[]>();
    for (const [name, value] of headers) grouped.set(name, [...(grouped.get(name) ?? []), value]);
    let request = testApp.http
      .post(ROUTE)
      .send(paths.map((path) => ({ url: receiver.url(path), arguments: [] })));
    for (const [name, values] of grouped) {
      // An array value is sent as one header line per element.
      request = request.set({ [name]: values.length === 1 ? values[0] : values });
    }
    const response = await request;
    expect(response.status).toBe(200);
    const calls = paths.map((path) => {
      const received = receiver.callsTo(path);
      expect(received).toHaveLength(1);
      return received[0];
    });
    return { response, calls, outgoing: calls.map(outgoingOf) };
  }

  async function conformOnce(headers: HeaderList) {
    const { response, outgoing } = await conform(headers);
    return { response, ...outgoing[0] };
  }

  it('calls each url in order with its arguments as JSON, without a token, and answers 200', async () => {
    caseNumber += 1;
    const first = `/case/${caseNumber}/first`;
    const second = `/case/${caseNumber}/second`;
    const response = await testApp.http
      .post(ROUTE)
      .send([
        { url: receiver.url(first), arguments: [{ url: 'http://example.invalid', arguments: [] }] },
        { url: receiver.url(second), arguments: { any: ['json', 1, null] } },
      ])
      .expect(200);
    expect(response.body).toEqual({
      calls: [
        { url: receiver.url(first), status: 200 },
        { url: receiver.url(second), status: 200 },
      ],
    });
    const [firstCall] = receiver.callsTo(first);
    const [secondCall] = receiver.callsTo(second);
    expect(receiver.calls.indexOf(firstCall)).toBeLessThan(receiver.calls.indexOf(secondCall));
    expect(firstCall.headers['content-type']).toBe('application/json');
    expect(JSON.parse(firstCall.body)).toEqual([{ url: 'http://example.invalid', arguments: [] }]);
    expect(JSON.parse(secondCall.body)).toEqual({ any: ['json', 1, null] });
  });

  it('starts a trace when there is no traceparent: random flag set, echoed as X-Trace-Id', async () => {
    const { response, traceId, flags, tracestate } = await conformOnce([]);
    expect(response.headers['x-trace-id']).toBe(traceId);
    expect(Number.parseInt(flags, 16) & 0x02).toBe(0x02);
    expect(tracestate).toBeUndefined();
  });

  it('continues a valid traceparent: same trace ID, a new parent ID, the flags, the tracestate', async () => {
    const { response, traceId, parentId, flags, tracestate } = await conformOnce([
      ['traceparent', TRACEPARENT],
      ['tracestate', 'foo=1,bar=2'],
    ]);
    expect(traceId).toBe(TRACE_ID);
    expect(parentId).not.toBe(PARENT_ID);
    expect(flags).toBe('01');
    expect(tracestate).toBe('foo=1,bar=2');
    expect(response.headers['x-trace-id']).toBe(TRACE_ID);
  });

  it.each([
    ['not sampled', '00', '00'],
    ['sampled', '01', '01'],
    ['random (level 2)', '02', '02'],
    ['sampled and random', '03', '03'],
    ['reserved bits, which are sent as zero', 'ff', '03'],
    ['a reserved bit only', '04', '00'],
  ])('propagates the %s flags', async (_case, incoming, expected) => {
    const { traceId, flags } = await conformOnce([
      ['traceparent', `00-${TRACE_ID}-${PARENT_ID}-${incoming}`],
    ]);
    expect(traceId).toBe(TRACE_ID);
    expect(flags).toBe(expected);
  });

  it.each([
    ['header name in mixed case', 'TrAcEpArEnT', TRACEPARENT],
    ['header name in upper case', 'TRACEPARENT', TRACEPARENT],
    ['leading and trailing OWS', 'traceparent', `\t ${TRACEPARENT} \t`],
    ['a future version', 'traceparent', `cc-${TRACE_ID}-${PARENT_ID}-01`],
    [
      'a future version with more fields',
      'traceparent',
      `cc-${TRACE_ID}-${PARENT_ID}-01-what-the-future-will-be-like`,
    ],
  ])('accepts a traceparent with %s', async (_case, name, value) => {
    const { response, traceId, parentId } = await conformOnce([[name, value]]);
    expect(traceId).toBe(TRACE_ID);
    expect(parentId).not.toBe(PARENT_ID);
    expect(response.headers['x-trace-id']).toBe(TRACE_ID);
  });

  it('sends version 00 when it continues a future version', async () => {
    const { response } = await conform([['traceparent', `cc-${TRACE_ID}-${PARENT_ID}-01-more`]]);
    expect(response.status).toBe(200);
    const [call] = receiver.callsTo(`/case/${caseNumber}/0`);
    expect(call.headers['traceparent']).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
  });

  it.each([
    ['version ff', `ff-${TRACE_ID}-${PARENT_ID}-01`],
    ['an illegal version character', `.0-${TRACE_ID}-${PARENT_ID}-01`],
    ['a version of three digits', `000-${TRACE_ID}-${PARENT_ID}-01`],
    ['a version of one digit', `0-${TRACE_ID}-${PARENT_ID}-01`],
    ['version 00 followed by more', `00-${TRACE_ID}-${PARENT_ID}-01-what-the-future-will-be-like`],
    ['version 00 with a trailing character', `00-${TRACE_ID}-${PARENT_ID}-01.`],
    ['a future version followed by a dot', `cc-${TRACE_ID}-${PARENT_ID}-01.what-the-future`],
    ['an all-zero trace ID', `00-${'0'.repeat(32)}-${PARENT_ID}-01`],
    ['an all-zero parent ID', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
    ['an upper-case trace ID', `00-${'ABCDEF'.repeat(5)}AB-${PARENT_ID}-01`],
    ['an upper-case parent ID', `00-${TRACE_ID}-${'ABCDEF0123456789'}-01`],
    ['an illegal trace ID character', `00-.${TRACE_ID.slice(1)}-${PARENT_ID}-01`],
    ['a trace ID too long', `00-${TRACE_ID}3-${PARENT_ID}-01`],
    ['a trace ID too short', `00-${TRACE_ID.slice(1)}-${PARENT_ID}-01`],
    ['a parent ID too long', `00-${TRACE_ID}-${PARENT_ID}7-01`],
    ['a parent ID too short', `00-${TRACE_ID}-${PARENT_ID.slice(1)}-01`],
    ['illegal flag characters', `00-${TRACE_ID}-${PARENT_ID}-.0`],
    ['upper-case flags', `00-${TRACE_ID}-${PARENT_ID}-0A`],
    ['flags too long', `00-${TRACE_ID}-${PARENT_ID}-001`],
    ['flags too short', `00-${TRACE_ID}-${PARENT_ID}-1`],
  ])(
    'restarts the trace and drops the tracestate for a traceparent with %s',
    async (_case, value) => {
      const { response, traceId, tracestate } = await conformOnce([
        ['traceparent', value],
        ['tracestate', 'foo=1'],
      ]);
      expect(traceId).not.toBe(TRACE_ID);
      expect(traceId).not.toBe('0'.repeat(32));
      expect(tracestate).toBeUndefined();
      expect(response.headers['x-trace-id']).toBe(traceId);
    },
  );

  it('restarts the trace when traceparent comes twice, or under another name', async () => {
    for (const headers of [
      [
        ['traceparent', `00-${TRACE_ID.slice(0, 31)}1-${PARENT_ID}-01`],
        ['traceparent', TRACEPARENT],
      ],
      [['trace-parent', TRACEPARENT]],
      [['trace.parent', TRACEPARENT]],
    ] as HeaderList[]) {
      const { traceId } = await conformOnce(headers);
      expect(traceId).not.toBe(TRACE_ID);
      expect(traceId).not.toBe(`${TRACE_ID.slice(0, 31)}1`);
    }
  });

  it('calls back several times with one trace ID and a new parent ID each time', async () => {
    const { outgoing } = await conform([['traceparent', TRACEPARENT]], 3);
    expect(new Set(outgoing.map((call) => call.traceId))).toEqual(new Set([TRACE_ID]));
    expect(new Set(outgoing.map((call) => call.parentId)).size).toBe(3);

    const started = await conform([], 3);
    expect(new Set(started.outgoing.map((call) => call.traceId)).size).toBe(1);
    expect(new Set(started.outgoing.map((call) => call.parentId)).size).toBe(3);
  });

  describe('tracestate', () => {
    const withTraceparent = (...tracestates: string[]): HeaderList => [
      ['traceparent', TRACEPARENT.replace(/01$/, '00')],
      ...tracestates.map((value): [string, string] => ['tracestate', value]),
    ];
    const members = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, index) => {
        const n = String(from + index).padStart(2, '0');
        return `bar${n}=${n}`;
      }).join(',');
    const allKeyCharacters = 'abcdefghijklmnopqrstuvwxyz0123456789_-*/';
    const allValueCharacters = Array.from({ length: 0x7e - 0x20 + 1 }, (_, index) =>
      String.fromCharCode(0x20 + index),
    )
      .filter((character) => character !== ',' && character !== '=')
      .join('');

    it('is dropped when traceparent is missing', async () => {
      const { tracestate } = await conformOnce([['tracestate', 'foo=1,bar=2']]);
      expect(tracestate).toBeUndefined();
    });

    it('is dropped under another header name', async () => {
      for (const name of ['trace-state', 'trace.state']) {
        const { tracestate } = await conformOnce([
          ['traceparent', TRACEPARENT],
          [name, 'foo=1'],
        ]);
        expect(tracestate).toBeUndefined();
      }
    });

    it.each([
      ['a header name in any case', [['TrAcEsTaTe', 'foo=1']], 'foo=1'],
      [
        'several headers, combined in order',
        ['foo=1,bar=2', 'rojo=1,congo=2', 'baz=3'],
        'foo=1,bar=2,rojo=1,congo=2,baz=3',
      ],
      ['an empty header beside another', ['', 'foo=1'], 'foo=1'],
      ['another header beside an empty one', ['foo=1', ''], 'foo=1'],
      ['OWS around members', ['foo=1 \t , \t bar=2, \t baz=3'], 'foo=1,bar=2,baz=3'],
      ['tabs and spaces around members', ['foo=1\t \t,\t \tbar=2,\t \tbaz=3'], 'foo=1,bar=2,baz=3'],
      ['leading and trailing OWS', ['\t foo=1 \t'], 'foo=1'],
      ['empty members', ['foo=1,,  ,bar=2'], 'foo=1,bar=2'],
      [
        '32 members over four headers',
        [members(1, 10), members(11, 20), members(21, 30), members(31, 32)],
        members(1, 32),
      ],
      ['a key of 256 characters', ['foo=1', `${'z'.repeat(256)}=1`], `foo=1,${'z'.repeat(256)}=1`],
      [
        'a tenant of 241 and a system of 14 characters',
        ['foo=1', `${'t'.repeat(241)}@${'v'.repeat(14)}=1`],
        `foo=1,${'t'.repeat(241)}@${'v'.repeat(14)}=1`,
      ],
      ['a key of every allowed character', [`${allKeyCharacters}=1`], `${allKeyCharacters}=1`],
      [
        'a multi-tenant key of every allowed character',
        [`${allKeyCharacters}@a-z0-9_-*/=1`],
        `${allKeyCharacters}@a-z0-9_-*/=1`,
      ],
      [
        'a value of every allowed character',
        [`foo=${allValueCharacters}`],
        `foo=${allValueCharacters}`,
      ],
      ['a value with leading spaces', ['foo=  bar'], 'foo=  bar'],
    ] as Array<[string, Array<string | [string, string]>, string]>)(
      'is kept with %s',
      async (_case, tracestates, expected) => {
        const headers: HeaderList = [['traceparent', TRACEPARENT]];
        for (const entry of tracestates) {
          headers.push(typeof entry === 'string' ? ['tracestate', entry] : entry);
        }
        const { traceId, tracestate } = await conformOnce(headers);
        expect(traceId).toBe(TRACE_ID);
        expect(tracestate).toBe(expected);
      },
    );

    it.each([
      ['duplicated keys', ['foo=1,foo=1']],
      ['duplicated keys with other values', ['foo=1,foo=2']],
      ['duplicated keys over two headers', ['foo=1', 'foo=2']],
      ['33 members', [members(1, 10), members(11, 20), members(21, 30), members(31, 33)]],
      ['a key of 257 characters', ['foo=1', `${'z'.repeat(257)}=1`]],
      ['a tenant of 242 characters', ['foo=1', `${'t'.repeat(242)}@v=1`]],
      ['a system of 15 characters', ['foo=1', `t@${'v'.repeat(15)}=1`]],
      ['a space in a key', ['foo =1']],
      ['an upper-case key', ['FOO=1']],
      ['a dot in a key', ['foo.bar=1']],
      ['an empty system', ['foo@=1,bar=2']],
      ['an empty tenant', ['@foo=1,bar=2']],
      ['two @ in a row', ['foo@@bar=1,bar=2']],
      ['two @ apart', ['foo@bar@baz=1,bar=2']],
      ['= in a value', ['foo=bar=baz']],
      ['an empty value', ['foo=,bar=3']],
      ['a member without =', ['foo,bar=3']],
      ['a value of 257 characters', [`foo=${'v'.repeat(257)}`]],
    ])('is dropped whole for %s, keeping the traceparent', async (_case, tracestates) => {
      const { traceId, tracestate } = await conformOnce(withTraceparent(...tracestates));
      expect(traceId).toBe(TRACE_ID);
      expect(tracestate).toBeUndefined();
    });
  });

  describe('the route', () => {
    it.each([
      ['an object instead of an array', { url: 'http://127.0.0.1/', arguments: [] }, 'body'],
      ['a missing url', [{ arguments: [] }], '0.url'],
      ['a missing arguments', [{ url: 'http://127.0.0.1/' }], '0.arguments'],
      ['a url that is not http(s)', [{ url: 'ftp://127.0.0.1/', arguments: [] }], '0.url'],
      ['a url that is not a URL', [{ url: 'http://', arguments: [] }], '0.url'],
      ['a url that is not a string', [{ url: 42, arguments: [] }], '0.url'],
      ['an unknown property', [{ url: 'http://127.0.0.1/', arguments: [], extra: 1 }], '0.extra'],
      [
        'more than 100 calls',
        Array.from({ length: 101 }, () => ({ url: 'http://127.0.0.1/', arguments: [] })),
        'body',
      ],
    ])('refuses %s with 400 and field messages', async (_case, body, field) => {
      const before = receiver.calls.length;
      const response = await testApp.http
        .post(ROUTE)
        .send(body as object)
        .expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(response.body.details[field]).toEqual([expect.any(String)]);
      expect(response.body.traceId).toBe(response.headers['x-trace-id']);
      expect(receiver.calls.length).toBe(before);
    });

    it('does not call private addresses (only loopback is allowed for it), and says so', async () => {
      const response = await testApp.http
        .post(ROUTE)
        .send([
          { url: 'http://169.254.169.254/latest/meta-data', arguments: [] },
          { url: 'http://10.0.0.1/', arguments: [] },
          { url: 'http://[fd00::1]/', arguments: [] },
        ])
        .expect(200);
      expect(response.body.calls).toEqual([
        { url: 'http://169.254.169.254/latest/meta-data', error: 'destination not allowed' },
        { url: 'http://10.0.0.1/', error: 'destination not allowed' },
        { url: 'http://[fd00::1]/', error: 'destination not allowed' },
      ]);
    });

    it('goes on after a call that fails, and reports it', async () => {
      caseNumber += 1;
      const after = `/case/${caseNumber}/after`;
      const response = await testApp.http
        .post(ROUTE)
        .send([
          { url: 'http://127.0.0.1:1/', arguments: [] },
          { url: receiver.url(after), arguments: [] },
        ])
        .expect(200);
      expect(response.body.calls).toEqual([
        { url: 'http://127.0.0.1:1/', error: 'connection failed' },
        { url: receiver.url(after), status: 200 },
      ]);
    });

    it('is off unless TRACE_CONTEXT_CONFORMANCE=true', async () => {
      const off = await createTestApp();
      try {
        await off.http.post(ROUTE).send([]).expect(404);
      } finally {
        await off.close();
      }
    });

    it('refuses to start in production with it on', () => {
      expect(() =>
        loadConfig({
          NODE_ENV: 'production',
          JWT_SECRET: 'x'.repeat(32),
          TRACE_CONTEXT_CONFORMANCE: 'true',
        }),
      ).toThrow(/TRACE_CONTEXT_CONFORMANCE/);
    });
  });
});
