import { sql, startBuiltApi, withDatabase } from '../../harness';
import { SERVER_URL_ENV } from '../support/test-database';
import { recordFaultFigures } from './support/fault-figures';
import { signUp } from './support/sign-up';
import { storedCounts } from './support/stored-counts';
import { postTransactions } from './support/transaction-load';

const RUNS = 3;
const CONNECTIONS = 20;
/** Load before the signal: long enough for every queue to have flushed a few times. */
const LOAD_BEFORE_SIGNAL_MS = 5000;
const SHUTDOWN_TIMEOUT_MS = 10_000;
/** The load gives up this long after the signal, whatever the API does. */
const LOAD_AFTER_SIGNAL_LIMIT_MS = 20_000;

/**
 * SIGTERM while 20 keep-alive connections post transactions (defect 2 of issue 15): the API
 * stops taking requests, finishes those in flight, writes every queue, then exits; nothing it
 * answered 2xx is missing its row, its action-log event or its stored request log line.
 */
describe('SIGTERM under keep-alive load', () => {
  const serverUrl = () => process.env[SERVER_URL_ENV] as string;
  const runs: Record<string, unknown>[] = [];

  afterAll(() => recordFaultFigures('shutdown', { runs, connections: CONNECTIONS }));

  it.each(Array.from({ length: RUNS }, (_, index) => index + 1))(
    'run %i: answered 2xx = rows = audit events = stored request logs, and the process exits',
    async (run) => {
      const api = await startBuiltApi(serverUrl(), `shutdown_${run}`, {
        SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      });
      const database = new URL(api.databaseUrl).pathname.slice(1);
      try {
        const user = await signUp(api.baseUrl, `shutdown-${run}`);
        let signalledAt = 0;
        const load = postTransactions({
          baseUrl: api.baseUrl,
          token: user.token,
          connections: CONNECTIONS,
          done: () => signalledAt > 0 && Date.now() - signalledAt > LOAD_AFTER_SIGNAL_LIMIT_MS,
          // Once the signal is sent, a connection the API no longer answers on is finished.
          stopOnFailure: () => signalledAt > 0,
        });
        await new Promise((resolve) => setTimeout(resolve, LOAD_BEFORE_SIGNAL_MS));
        signalledAt = Date.now();
        const exitCode = await api.terminate();
        const exitedAfterMs = Date.now() - signalledAt;
        const result = await load;

        const answered = result.created.length;
        const stored = await storedCounts(api.databaseUrl, user.id, {
          ids: result.created,
          traceIds: result.createdTraceIds,
        });
        const figures = {
          run,
          answered2xx: answered,
          ...stored,
          statuses: result.statuses,
          failures: result.failures,
          closingAnswers: result.closingAnswers,
          exitCode,
          exitedAfterMs,
          eventsLost: answered - stored.auditEvents,
          requestLogsLost: answered - stored.requestLogs,
        };
        runs.push(figures);
        expect(answered).toBeGreaterThan(0);
        expect({ exitCode, ...stored }).toEqual({
          exitCode: 0,
          answeredRows: answered,
          answeredEvents: answered,
          answeredRequestLogs: answered,
          rows: answered,
          auditEvents: answered,
          requestLogs: answered,
        });
        expect(exitedAfterMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 5000);
        expect(result.statuses[500] ?? 0).toBe(0);
        // Nothing was dropped silently: no queue reported a loss.
        expect(api.output()).not.toMatch(/Dropped \d+ item/);
      } finally {
        await api.terminate();
        await sql(
          withDatabase(serverUrl(), 'postgres'),
          `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`,
        );
      }
    },
    90_000,
  );
});
