/**
 * The per-request pipeline trims of issue 21 (docs/adr/0022-request-path-round-trips.md,
 * "Pipeline trims"), each measured on against off in interleaved rounds in one run:
 *
 * 1. **Audit off** — AUDIT_LOGGING_ENABLED, a real toggle: two built API instances on one
 *    database, one with the action log and one without, driven in turn by autocannon with
 *    POST /api/v1/transactions (a user without budgets). Per instance: requests/s and the API
 *    process's CPU per request (/proc/<pid>/stat deltas). Off, a request is neither remembered,
 *    described nor recorded; the difference is the whole per-request cost of the action log in
 *    the API process (its batched writes' CPU in PostgreSQL is not in it).
 * 2. **No emit to an empty room** — in process, a socket.io server with the in-memory adapter and
 *    one socket in another room: `RealtimeServer.toRoom` (builds nothing for an empty room)
 *    against the previous push, kept here only as the baseline: the envelope built and emitted
 *    to the room (`io.to(room).emit`). CPU µs per push.
 * 3. **Structured redaction** — in process, the API's logger (`loggerOptions`: pino-http, its
 *    children and serializers, a multistream to a console and a store) in its two
 *    configurations: the line pass the API ran before (kept here only as the baseline: plain
 *    serializers and pino's `streamWrite` hook parsing each serialised line, redacting its object
 *    and serialising it again, the store taking the object it remembered) against the logger
 *    as configured now (`logRedaction`: every part redacted before pino's one serialisation; the
 *    store parses the line). The built-in rules (`createRedactor()`). Per request (pino-http's
 *    children, the "request completed" line) and per application line in a request, each with
 *    the line stored (LOG_PERSIST_LEVEL=info, the default) and not stored. The store's work
 *    beyond getting the line's object (the record, the queue) is the same in both and left out.
 *    CPU µs per request or line.
 *
 * In-process parts time `process.cpuUsage()` over rounds of BENCH_MICRO_MS (300) each, the two
 * variants alternating, medians reported. Prints a table and writes bench/results/
 * pipeline-trims.json. It measures; it asserts nothing.
 *
 * Run: `npm run bench:pipeline-trims` (builds the API first; about a minute). Env:
 * BENCH_DATABASE_URL (else TEST_DATABASE_URL, else an embedded PostgreSQL), BENCH_SECONDS (per
 * HTTP round, 3), BENCH_ROUNDS (rounds per variant, 4), BENCH_CONNECTIONS (8), BENCH_MICRO_MS,
 * BENCH_IN_PROCESS_ONLY=1 (skips the HTTP part and keeps the audit figures of the last results
 * file, marked with that run's date and load).
 */
import './support/api-paths';
import autocannon from 'autocannon';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import type { DestinationStream } from 'pino';
import { HttpLogger, Options, pinoHttp } from 'pino-http';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { RealtimeEvent, TransactionChangedPayload } from '@ledgerlens/contracts';
import { createRedactor, Redactor } from '@ledgerlens/redaction';
import { BuiltApi, openDatabaseServerOf, startBuiltApi, withClient } from '../apps/api/harness';
// The API's logger settings themselves are what this trim measures; they live in app/, which no
// module entry exports (docs/adr/0019-boundaries-by-lint.md).
// eslint-disable-next-line boundaries/dependencies
import { loggerOptions, REQUEST_SERIALIZERS } from '../apps/api/src/app/logger.options';
import { loadConfig } from '../apps/api/src/config';
import {
  envelopeOf,
  RealtimeIoServer,
  RealtimeServer,
  Rooms,
  transactionPayloadOf,
} from '../apps/api/src/modules/realtime';
import { signUp } from './support/api-calls';
import { cpuMsOf, median } from './support/process-cpu';
import { machine, writeResult } from './support/results';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 3);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 4);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 8);
const MICRO_MS = Number(process.env['BENCH_MICRO_MS'] ?? 300);
const IN_PROCESS_ONLY = process.env['BENCH_IN_PROCESS_ONLY'] === '1';
const WARM_UP_SECONDS = 2;
const POSTED = 'bench pipeline-trims';

/** The two variants of a trim: the previous approach (baseline) and the trimmed one. */
type Variant = 'before' | 'after';

interface Comparison {
  /** Median CPU µs per operation (a request, a push, a line). */
  cpuMicrosPerOperation: Record<Variant, number>;
  cpuMicrosSaved: number;
  /** Requests/s of the API (HTTP part only). */
  requestsPerSecond?: Record<Variant, number>;
  /** Operations per CPU-second (in-process parts). */
  operationsPerCpuSecond?: Record<Variant, number>;
  rounds: { variant: Variant; round: number; cpuMicrosPerOperation: number; perSecond: number }[];
}

/** before, after, after, before, …: each variant goes first as often as the other. */
function schedule(rounds: number): Variant[] {
  const order: Variant[] = [];
  for (let i = 0; i < rounds; i++) {
    order.push(...((i % 2 === 0 ? ['before', 'after'] : ['after', 'before']) as Variant[]));
  }
  return order;
}

function summarise(rounds: Comparison['rounds']): Pick<
  Comparison,
  'cpuMicrosPerOperation' | 'cpuMicrosSaved'
> & {
  perSecond: Record<Variant, number>;
} {
  const of = (variant: Variant, pick: (round: Comparison['rounds'][number]) => number) =>
    median(rounds.filter((round) => round.variant === variant).map(pick));
  const cpu = (variant: Variant) => Number(of(variant, (r) => r.cpuMicrosPerOperation).toFixed(2));
  const perSecond = (variant: Variant) => Math.round(of(variant, (r) => r.perSecond));
  return {
    cpuMicrosPerOperation: { before: cpu('before'), after: cpu('after') },
    cpuMicrosSaved: Number((cpu('before') - cpu('after')).toFixed(2)),
    perSecond: { before: perSecond('before'), after: perSecond('after') },
  };
}

/** Runs `operation` in a loop for about MICRO_MS; answers CPU µs per call and calls per CPU-second. */
function cpuPerCall(operation: () => void) {
  const started = Date.now();
  const cpuBefore = process.cpuUsage();
  let calls = 0;
  while (Date.now() - started < MICRO_MS) {
    for (let i = 0; i < 100; i++) operation();
    calls += 100;
  }
  const cpu = process.cpuUsage(cpuBefore);
  const micros = cpu.user + cpu.system;
  return { cpuMicrosPerOperation: micros / calls, perSecond: (calls * 1e6) / micros };
}

/** Both variants of an in-process trim, alternating rounds after one warm-up round each. */
function compareInProcess(variants: Record<Variant, () => void>): Comparison {
  for (const variant of ['before', 'after'] as Variant[]) cpuPerCall(variants[variant]);
  const rounds = schedule(ROUNDS * 2).map((variant, index) => ({
    variant,
    round: Math.floor(index / 2) + 1,
    ...cpuPerCall(variants[variant]),
  }));
  const { perSecond, ...summary } = summarise(rounds);
  return { ...summary, operationsPerCpuSecond: perSecond, rounds };
}

/** AUDIT_LOGGING_ENABLED on (before) and off (after): two built APIs on one database. */
async function auditToggle(databaseServerUrl: string): Promise<Comparison> {
  const apis: Partial<Record<Variant, BuiltApi>> = {};
  try {
    const env = { JOBS_ENABLED: 'false' };
    apis.before = await startBuiltApi(databaseServerUrl, 'pipeline_trims', env);
    apis.after = await startBuiltApi(
      databaseServerUrl,
      'pipeline_trims',
      { ...env, AUDIT_LOGGING_ENABLED: 'false' },
      apis.before,
    );
    const { authorization } = await signUp(apis.before.baseUrl, 'bench-pipeline-trims');
    const running = apis as Record<Variant, BuiltApi>;
    const post = (api: BuiltApi, seconds: number) =>
      autocannon({
        url: `${api.baseUrl}/api/v1/transactions`,
        connections: CONNECTIONS,
        duration: seconds,
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json', 'user-agent': 'bench/1.0' },
        body: JSON.stringify({
          amountCents: 250,
          currency: 'EUR',
          type: 'expense',
          description: POSTED,
          occurredOn: new Date().toISOString().slice(0, 10),
        }),
      });
    const reset = () =>
      withClient(running.before.databaseUrl, (client) =>
        client.query('DELETE FROM transactions WHERE description = $1', [POSTED]),
      );
    for (const variant of ['before', 'after'] as Variant[]) {
      await post(running[variant], WARM_UP_SECONDS);
    }
    await reset();
    const rounds: Comparison['rounds'] = [];
    for (const [index, variant] of schedule(ROUNDS).entries()) {
      const { pid } = running[variant];
      const cpuBefore = cpuMsOf(pid);
      const result = await post(running[variant], SECONDS);
      const cpuMs = cpuMsOf(pid) - cpuBefore;
      await reset();
      const served = Math.max(result.requests.total, 1);
      const failed = result.errors + result.non2xx;
      if (failed > 0) throw new Error(`${failed} of the audit-${variant} round's requests failed`);
      rounds.push({
        variant,
        round: Math.floor(index / 2) + 1,
        cpuMicrosPerOperation: (cpuMs * 1000) / served,
        perSecond: result.requests.average,
      });
      console.log(
        `audit ${variant === 'before' ? 'on ' : 'off'}  ${result.requests.average.toFixed(0).padStart(6)} req/s  CPU ${((cpuMs * 1000) / served).toFixed(0)} µs/request`,
      );
    }
    const { perSecond, ...summary } = summarise(rounds);
    return { ...summary, requestsPerSecond: perSecond, rounds };
  } finally {
    await apis.after?.stop();
    await apis.before?.stop();
  }
}

/** A push to a room nobody is in, with one socket connected in another room. */
async function emptyRoomPush(): Promise<Comparison> {
  const http = createServer();
  const io: RealtimeIoServer = new Server(http);
  io.on('connection', (socket) => socket.join(Rooms.user('someone-else')));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  const { port } = http.address() as AddressInfo;
  const client = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'] });
  await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  const realtime = new RealtimeServer();
  realtime.attach(io);
  const change: TransactionChangedPayload = {
    userId: 'nobody',
    transactionId: '5e0c1b7e-8a7d-4c8e-9f4e-000000000001',
    type: 'expense',
    amountCents: 250,
    currency: 'EUR',
    description: 'bench',
    categoryId: null,
    occurredOn: '2026-01-01',
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  };
  const room = Rooms.user(change.userId);
  // What the relay pushes for `transaction.created`.
  const envelope = () =>
    envelopeOf(RealtimeEvent.TransactionCreated, transactionPayloadOf(change), change.traceId);
  try {
    return compareInProcess({
      // The previous push: envelope built, then emitted to the (empty) room.
      before: () => io.to(room).emit(RealtimeEvent.TransactionCreated, envelope()),
      after: () => realtime.toRoom(room, envelope),
    });
  } finally {
    client.close();
    await io.close();
  }
}

/**
 * The line pass the API ran before (`LineRedactor`, pino's `streamWrite` hook), kept here only
 * as the baseline: each serialised line parsed, its object redacted and serialised again, and
 * that object remembered for the store.
 */
class LinePass {
  private last?: { text: string; value: unknown };

  constructor(private readonly redactor: Redactor) {}

  readonly redactLine = (line: string): string => {
    this.last = undefined;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return this.redactor.redactText(line);
    }
    const redacted = this.redactor.redact(value);
    const text = `${JSON.stringify(redacted)}\n`;
    this.last = { text, value: redacted };
    return text;
  };

  /** The store's object of a line: the remembered one when it is the line just written. */
  parse(line: string): unknown {
    return this.last?.text === line ? this.last.value : JSON.parse(line);
  }
}

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const USER_ID = '5e0c1b7e-8a7d-4c8e-9f4e-1a2b3c4d5e6f';

/** The API's logger writing to a console that keeps nothing and to `store`. */
function apiLogger(redactor: Redactor, stored: boolean, store: DestinationStream) {
  const console = new Writable({
    decodeStrings: false,
    write: (_chunk, _encoding, done) => done(),
  });
  const config = loadConfig({ LOG_LEVEL: 'info', LOG_PERSIST_LEVEL: stored ? 'info' : 'silent' });
  const { pinoHttp: settings } = loggerOptions(config, redactor, { console, store });
  return settings as [Options, DestinationStream];
}

/** The logger before the switch: the same settings with plain serializers and the line pass. */
function linePassLogger(redactor: Redactor, stored: boolean): HttpLogger {
  const lines = new LinePass(redactor);
  const [options, stream] = apiLogger(redactor, stored, {
    write: (line: string) => void lines.parse(line),
  });
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the redaction settings, left out
  const { serializers, formatters, hooks, onChild, ...common } = options;
  return pinoHttp(
    { ...common, serializers: REQUEST_SERIALIZERS, hooks: { streamWrite: lines.redactLine } },
    stream,
  );
}

/** The logger as the API configures it now: the store parses the lines it stores. */
function structuredLogger(redactor: Redactor, stored: boolean): HttpLogger {
  const [options, stream] = apiLogger(redactor, stored, {
    write: (line: string) => void JSON.parse(line),
  });
  return pinoHttp(options, stream);
}

/** One POST through pino-http as Express runs it: its children, then the request line. */
function logRequest(http: HttpLogger): void {
  const request: Record<string, unknown> = {
    method: 'POST',
    url: '/api/v1/transactions',
    originalUrl: '/api/v1/transactions',
    headers: { traceparent: TRACEPARENT, 'content-type': 'application/json' },
    socket: {},
  };
  const response = Object.assign(new EventEmitter(), {
    statusCode: 201,
    headersSent: true,
    writableEnded: true,
  });
  http(request as never, response as never);
  request['user'] = { id: USER_ID }; // the JWT guard runs after the logging middleware
  response.emit('finish');
}

/** An application line logged in a request (its trace and user bound), as Nest's logger calls. */
function appLineOf(http: HttpLogger): () => void {
  const logger = http.logger
    .child({ traceId: TRACEPARENT.slice(3, 35) })
    .child({ userId: USER_ID });
  return () => logger.info({ context: 'BudgetsService' }, 'Budget %s crossed %d %%', 'Food', 80);
}

/** The logger with the line pass against the logger as configured now. */
function structuredRedaction(operation: 'request' | 'app line', stored: boolean): Comparison {
  const redactor = createRedactor();
  const before = linePassLogger(redactor, stored);
  const after = structuredLogger(redactor, stored);
  return compareInProcess(
    operation === 'request'
      ? { before: () => logRequest(before), after: () => logRequest(after) }
      : { before: appLineOf(before), after: appLineOf(after) },
  );
}

/** The audit comparison of the last results file, for a run without the HTTP part. */
function previousAudit(): { audit: Comparison; measuredAt: string; loadAverage: unknown } {
  const file = resolve(__dirname, 'results/pipeline-trims.json');
  const previous = JSON.parse(readFileSync(file, 'utf8')) as {
    date: string;
    loadAverage: unknown;
    trims: Record<string, Comparison & { measuredAt?: string; loadAverage?: unknown }>;
  };
  const { measuredAt, loadAverage, ...audit } = previous.trims[AUDIT];
  return {
    audit,
    measuredAt: measuredAt ?? previous.date,
    loadAverage: loadAverage ?? previous.loadAverage,
  };
}

const AUDIT = 'audit off (AUDIT_LOGGING_ENABLED=false)';

async function main(): Promise<void> {
  const loadBefore = loadavg();
  let audit: Comparison & { measuredAt?: string; loadAverage?: unknown };
  if (IN_PROCESS_ONLY) {
    const { audit: comparison, measuredAt, loadAverage } = previousAudit();
    audit = { ...comparison, measuredAt, loadAverage };
  } else {
    const database = await openDatabaseServerOf(['BENCH_DATABASE_URL', 'TEST_DATABASE_URL']);
    try {
      audit = await auditToggle(database.url);
    } finally {
      await database.stop();
    }
  }
  const emptyRoom = await emptyRoomPush();
  const trims = {
    [AUDIT]: audit,
    'no emit to an empty room': emptyRoom,
    'structured redaction, a request (children and request line), stored': structuredRedaction(
      'request',
      true,
    ),
    'structured redaction, a request (children and request line), not stored': structuredRedaction(
      'request',
      false,
    ),
    'structured redaction, an application line in a request, stored': structuredRedaction(
      'app line',
      true,
    ),
    'structured redaction, an application line in a request, not stored': structuredRedaction(
      'app line',
      false,
    ),
  };
  const loadAfter = loadavg();
  const apiCpuMicrosPerPost = audit.cpuMicrosPerOperation.after;
  const share = (saved: number) => Number(((saved / apiCpuMicrosPerPost) * 100).toFixed(2));

  console.log(`\n${ROUNDS} rounds per variant, interleaved (medians)`);
  console.log(
    '| trim | before CPU µs/op | after CPU µs/op | saved µs/op | share of an audit-off POST | req/s before → after |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const [name, trim] of Object.entries(trims)) {
    const throughput = trim.requestsPerSecond
      ? `${trim.requestsPerSecond.before} → ${trim.requestsPerSecond.after}`
      : '(in process)';
    console.log(
      `| ${name} | ${trim.cpuMicrosPerOperation.before} | ${trim.cpuMicrosPerOperation.after} | ${trim.cpuMicrosSaved} | ${share(trim.cpuMicrosSaved)} % | ${throughput} |`,
    );
  }
  console.log(
    `load average before ${loadBefore.map((n) => n.toFixed(2)).join(' ')}, after ${loadAfter.map((n) => n.toFixed(2)).join(' ')}`,
  );
  writeResult('pipeline-trims', {
    benchmark:
      'Per-request pipeline trims of issue 21, each on against off in interleaved rounds in one run',
    date: new Date().toISOString(),
    ...machine(),
    loadAverage: { before: loadBefore, after: loadAfter },
    notes: [
      'A shared 2-core machine: the API, PostgreSQL and autocannon run on the same two cores, with other work in parallel (see loadAverage). Ratios are steadier than absolute figures.',
      'Audit: two built APIs on one database (JOBS_ENABLED=false), AUDIT_LOGGING_ENABLED true (before) and false (after), POST /api/v1/transactions by a user without budgets; CPU is the API process only.',
      'Empty room and redaction: in process, process.cpuUsage() per round; the "before" variants are the previous approaches, kept only in this bench as baselines.',
      "Redaction: the API's logger settings (loggerOptions) with the line pass it ran before (streamWrite hook, store given the remembered object) against its settings now (logRedaction, store parses the line); the store's record and queue, the same in both, are left out.",
      ...(IN_PROCESS_ONLY
        ? [
            "This run measured the in-process parts only (BENCH_IN_PROCESS_ONLY=1): the audit figures are those of the run at the trim's measuredAt, under its loadAverage.",
          ]
        : []),
      'share of an audit-off POST: the µs saved over the audit-off API’s CPU per POST in this run.',
    ],
    connections: CONNECTIONS,
    secondsPerHttpRound: SECONDS,
    roundsPerVariant: ROUNDS,
    microRoundMs: MICRO_MS,
    apiCpuMicrosPerPostAuditOff: apiCpuMicrosPerPost,
    trims: Object.fromEntries(
      Object.entries(trims).map(([name, trim]) => [
        name,
        { ...trim, shareOfAuditOffPostPercent: share(trim.cpuMicrosSaved) },
      ]),
    ),
  });
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
