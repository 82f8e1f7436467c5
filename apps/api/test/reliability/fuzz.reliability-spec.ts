import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eventually } from '../support/eventually';
import { withClient } from '../../harness';
import { SERVER_URL_ENV } from '../support/test-database';
import { closeConnections, curlLine, send, WireRequest, WireResponse } from './support/fuzz-client';
import { violationsOf } from './support/fuzz-oracle';
import { FuzzRequest, requestsFor } from './support/fuzz-requests';
import { FuzzSession, KNOWN_SECRETS } from './support/fuzz-session';
import { passwordsIn } from './support/fuzz-values';
import { OpenApiDocument, Operation, operationsOf } from './support/openapi-operations';

/**
 * Fuzzes every operation of the served OpenAPI document on the built API (see
 * docs/reliability/fuzz.md). FUZZ_SEED replays a run, FUZZ_RUNS and FUZZ_TIME_MS bound it.
 */

const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 4000);
const TIME_MS = Number(process.env['FUZZ_TIME_MS'] ?? 180_000);
/** A failing request is shrunk at most this many steps (each may restart a crashed API). */
const MAX_SHRINKS = Number(process.env['FUZZ_MAX_SHRINKS'] ?? 60);
/** Kinds of failure looked for per operation; each costs up to FUZZ_RUNS / operations runs. */
const MAX_KINDS = 8;
/** Reproducers name the API's usual local address rather than the test's random port. */
const REPRODUCE_BASE_URL = 'http://127.0.0.1:3000';
const CRASH_GRACE_MS = 1000;
const REPORT = resolve(__dirname, '../../../../dist/reliability/fuzz.json');
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Finding {
  operation: string;
  category: string;
  target: string;
  identity: string;
  violations: string[];
  status: number;
  response: string;
  curl: string;
}

/** What the run did, written to dist/reliability/fuzz.json. */
class Figures {
  requests = 0;
  readonly byCategory: Record<string, number> = {};
  readonly byStatus: Record<string, number> = {};
  serverErrors = 0;
  readonly serverErrorsByOperation: Record<string, number> = {};
  crashes = 0;
  /** Successful POST/PUT/PATCH/DELETE requests whose action-log entry was looked for. */
  changesChecked = 0;

  count(request: FuzzRequest, response: WireResponse): void {
    this.requests += 1;
    this.byCategory[request.category] = (this.byCategory[request.category] ?? 0) + 1;
    const status = response.status === 0 ? 'no answer' : String(response.status);
    this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
    if (response.status >= 500) {
      this.serverErrors += 1;
      const key = `${response.status} ${request.operation.id}`;
      this.serverErrorsByOperation[key] = (this.serverErrorsByOperation[key] ?? 0) + 1;
    }
  }
}

/** A failed request: fast-check keeps the one of the smallest counterexample. */
class Violation extends Error {
  constructor(readonly finding: Finding) {
    super(explain(finding));
  }
}

/** What a failure is: what the request tried and what went wrong, IDs and sizes left out. */
function kindOf(finding: Finding): string {
  return `${finding.category}: ${finding.violations
    .map((violation) => violation.replace(/[0-9a-f]{16,}|\d+/g, '#'))
    .sort()
    .join(' + ')}`;
}

function batchFinding(operation: Operation, violation: string): Finding {
  return {
    operation: operation.id,
    category: '-',
    target: '-',
    identity: '-',
    violations: [violation],
    status: 0,
    response: '',
    curl: '',
  };
}

const clip = (text: string, length = 600) =>
  text.length > length ? `${text.slice(0, length)}… (${text.length} characters)` : text;

function explain(finding: Finding): string {
  return [
    `${finding.operation} — ${finding.category} in ${finding.target} as ${finding.identity}`,
    `  violations: ${finding.violations.join('; ')}`,
    `  answer: ${finding.status} ${clip(finding.response)}`,
    `  reproduce: ${clip(finding.curl, 2000)}`,
  ].join('\n');
}

describe('fuzzing every operation of the OpenAPI document', () => {
  let session: FuzzSession;
  let operations: Operation[];
  const figures = new Figures();
  /** The JWT secret and every password sent: no body may show one. */
  const secrets = new Set(KNOWN_SECRETS);

  beforeAll(async () => {
    // Told first, so a run that fails in any way can be replayed.
    console.log(`Fuzz: seed ${SEED} (FUZZ_SEED=${SEED} replays this run)`);
    session = await FuzzSession.start(process.env[SERVER_URL_ENV] as string);
    const served = await send(session.baseUrl, {
      method: 'GET',
      url: '/api/docs-json',
      headers: {},
    });
    operations = operationsOf(JSON.parse(served.text) as OpenApiDocument);
  }, 120_000);

  afterAll(async () => {
    closeConnections();
    await session?.stop();
  }, 60_000);

  async function exchange(
    request: FuzzRequest,
  ): Promise<{ wire: WireRequest; response: WireResponse }> {
    const { url, headers } = await session.resolve(request);
    const wire: WireRequest = {
      method: request.operation.method,
      url,
      headers,
      body: request.body,
    };
    if (typeof request.body === 'string' && request.body.length < 10_000) {
      for (const password of passwordsIn(request.body)) secrets.add(password);
    }
    const response = await send(session.baseUrl, wire);
    figures.count(request, response);
    return { wire, response };
  }

  /** Every 2xx that may have changed data has its action-log entry, found by its trace ID. */
  async function missingActionLog(changes: Map<string, Finding>): Promise<Finding[]> {
    figures.changesChecked += changes.size;
    if (changes.size === 0) return [];
    let missing: string[] = [];
    try {
      await eventually(async () => {
        const found = await withClient(session.databaseUrl, (client) =>
          client.query<{ trace_id: string }>(
            'SELECT DISTINCT trace_id FROM audit_events WHERE trace_id = ANY($1)',
            [[...changes.keys()]],
          ),
        );
        const logged = new Set(found.rows.map((row) => row.trace_id));
        missing = [...changes.keys()].filter((traceId) => !logged.has(traceId));
        if (missing.length)
          throw new Error(`${missing.length} changes without an action-log entry`);
      }, 5000);
    } catch {
      // Reported below: one finding per operation, with the first request missing its entry.
    }
    if (missing.length === 0) return [];
    const example = changes.get(missing[0]) as Finding;
    const violation = `${missing.length} of ${changes.size} changes without an action-log entry, e.g. this one`;
    return [{ ...example, violations: [violation] }];
  }

  /**
   * Fuzzes one operation until it finds no new kind of failure. Each kind (its set of
   * violations) is shrunk on its own: while shrinking one kind, requests failing otherwise count
   * as passing, so fast-check converges on the smallest request showing that kind.
   */
  async function fuzzOperation(
    operation: Operation,
    index: number,
    operationDeadline: number,
  ): Promise<Finding[]> {
    await session.beforeOperation();
    const findings: Finding[] = [];
    const reported = new Set<string>();
    /** First request of each kind seen, reported as is when no run shrinks it. */
    const seen = new Map<string, Finding>();
    const changes = new Map<string, Finding>();
    const onRestart = () => changes.clear();
    for (let attempt = 0; attempt < MAX_KINDS && Date.now() < operationDeadline; attempt++) {
      let shrinking: string | undefined;
      const result = await fc.check(
        fc.asyncProperty(fc.limitShrink(requestsFor(operation), MAX_SHRINKS), async (request) => {
          const finding = await exchangeAndJudge(request, changes, onRestart);
          if (finding.violations.length === 0) return;
          const kind = kindOf(finding);
          if (!seen.has(kind)) seen.set(kind, finding);
          if (reported.has(kind)) return;
          shrinking ??= kind;
          if (kind === shrinking) throw new Violation(finding);
        }),
        {
          seed: SEED + index * 100 + attempt,
          numRuns: Math.max(1, Math.ceil(RUNS / operations.length)),
          plugins: [fc.interruptAfterTimeLimit(Math.max(2000, operationDeadline - Date.now()))],
        },
      );
      if (!result.failed) break;
      const finding =
        result.errorInstance instanceof Violation
          ? result.errorInstance.finding
          : batchFinding(operation, `the property threw: ${String(result.errorInstance)}`);
      reported.add(shrinking ?? kindOf(finding));
      findings.push(finding);
    }
    for (const [kind, finding] of seen) if (!reported.has(kind)) findings.push(finding);
    findings.push(...(await missingActionLog(changes)));
    if (!(await session.isHealthy())) {
      figures.crashes += 1;
      findings.push(batchFinding(operation, 'the API stopped answering /health after this batch'));
      await session.restart();
    }
    return findings;
  }

  /** Whether the API still answers a moment after an answer broke off (a crash takes a while). */
  async function staysUp(): Promise<boolean> {
    await new Promise((done) => setTimeout(done, CRASH_GRACE_MS));
    return session.isHealthy();
  }

  /** Sends one request and lists what is wrong with the answer; restarts a crashed API. */
  async function exchangeAndJudge(
    request: FuzzRequest,
    changes: Map<string, Finding>,
    onRestart: () => void,
  ): Promise<Finding> {
    const { wire, response } = await exchange(request);
    const violations = violationsOf({ request, response, secrets });
    if ((response.status === 0 || response.error) && !(await staysUp())) {
      violations.push('the API process went down');
      figures.crashes += 1;
      // Changes made before the crash are in a database the restart throws away.
      onRestart();
      await session.restart();
    }
    const finding: Finding = {
      operation: request.operation.id,
      category: request.category,
      target: request.target,
      identity: request.identity,
      violations,
      status: response.status,
      response: response.text || response.error || '',
      curl: curlLine(REPRODUCE_BASE_URL, wire),
    };
    const succeeded = response.status >= 200 && response.status < 300;
    if (
      MUTATING.has(request.operation.method) &&
      request.operation.recordedInActionLog &&
      succeeded
    ) {
      const traceId = String(response.headers['x-trace-id'] ?? '');
      changes.set(traceId, finding);
    }
    return finding;
  }

  it(
    'answers every hostile request with a 4xx error body, never a 5xx, a leak or a crash, and logs every change',
    async () => {
      const started = Date.now();
      const deadline = started + TIME_MS;
      const findings: Finding[] = [];

      for (const [index, operation] of operations.entries()) {
        if (Date.now() > deadline) break;
        const operationDeadline =
          Date.now() + (deadline - Date.now()) / (operations.length - index);
        findings.push(...(await fuzzOperation(operation, index, operationDeadline)));
      }

      const report = {
        seed: SEED,
        runsRequested: RUNS,
        operations: operations.length,
        durationMs: Date.now() - started,
        requests: figures.requests,
        requestsByCategory: figures.byCategory,
        statuses: figures.byStatus,
        serverErrors: figures.serverErrors,
        serverErrorsByOperation: figures.serverErrorsByOperation,
        crashes: figures.crashes,
        changesChecked: figures.changesChecked,
        restarts: session.restarts,
        findings: findings.map((finding) => ({ ...finding, response: clip(finding.response) })),
      };
      mkdirSync(join(REPORT, '..'), { recursive: true });
      writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
      console.log(
        `Fuzz: seed ${SEED}, ${figures.requests} requests over ${operations.length} operations in ` +
          `${report.durationMs} ms, ${figures.serverErrors} 5xx, ${figures.crashes} crashes, ` +
          `${findings.length} findings (dist/reliability/fuzz.json). Replay: FUZZ_SEED=${SEED}`,
      );
      if (findings.length) {
        throw new Error(
          `Fuzzing with seed ${SEED} found ${findings.length} problems:\n\n` +
            findings.map(explain).join('\n\n'),
        );
      }
    },
    TIME_MS + 300_000,
  );
});
