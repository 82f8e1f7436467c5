import { sql, startBuiltApi, withDatabase } from '../../harness';
import { SERVER_URL_ENV } from '../support/test-database';
import { eventually } from '../support/eventually';
import { recordFaultFigures } from './support/fault-figures';
import { signUp } from './support/sign-up';
import { StoredCounts, storedCounts } from './support/stored-counts';
import { TcpProxy } from './support/tcp-proxy';
import { postTransactions } from './support/transaction-load';

const CONNECTIONS = 10;
const BEFORE_MS = 2000;
const OUTAGE_MS = 10_000;
const AFTER_MS = 4000;

/**
 * Every connection between the API and PostgreSQL is reset, and new ones refused, for 10 s
 * while transactions are posted: each request that fails meanwhile is a 503 with the error body
 * and its trace ID (never a 500), the API recovers without a restart, and nothing answered 2xx
 * misses its row, its action-log event or its stored request log line.
 */
describe('database connections reset for 10 s under load', () => {
  it('answers 503 with trace IDs during the outage, then recovers and loses nothing', async () => {
    const serverUrl = process.env[SERVER_URL_ENV] as string;
    const { hostname, port } = new URL(serverUrl);
    const proxy = await TcpProxy.start({ host: hostname, port: Number(port || 5432) });
    const api = await startBuiltApi(serverUrl, 'db_outage', (databaseUrl) => ({
      DATABASE_URL: proxy.route(databaseUrl),
    }));
    const database = new URL(api.databaseUrl).pathname.slice(1);
    try {
      const user = await signUp(api.baseUrl, 'outage');
      const phases = { cutAt: Infinity, restoredAt: Infinity, endAt: Infinity };
      const load = postTransactions({
        baseUrl: api.baseUrl,
        token: user.token,
        connections: CONNECTIONS,
        done: () => Date.now() >= phases.endAt,
        pauseMs: 20,
      });
      await new Promise((resolve) => setTimeout(resolve, BEFORE_MS));
      phases.cutAt = Date.now();
      proxy.cut();
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      phases.restoredAt = Date.now();
      proxy.restore();
      phases.endAt = Date.now() + AFTER_MS;
      const result = await load;

      const failed = result.answers.filter((answer) => answer.status >= 300);
      const recovered = result.answers.filter(
        (answer) => answer.status === 201 && answer.at > phases.restoredAt + 1000,
      );
      const answered = result.created.length;
      // The queues retry with backoff after the outage: give them time to catch up.
      const caughtUp = (counts: StoredCounts) =>
        counts.answeredEvents === answered && counts.answeredRequestLogs === answered;
      const stored = await eventually(async () => {
        const counts = await storedCounts(api.databaseUrl, user.id, {
          ids: result.created,
          traceIds: result.createdTraceIds,
        });
        if (!caughtUp(counts)) throw Object.assign(new Error('not written yet'), { counts });
        return counts;
      }, 60_000).catch((error: { counts?: StoredCounts }) => {
        if (error.counts) return error.counts;
        throw error;
      });
      recordFaultFigures('database-outage', {
        outageMs: OUTAGE_MS,
        connections: CONNECTIONS,
        requests: result.answers.length,
        answered2xx: answered,
        statuses: result.statuses,
        failures: result.failures,
        connectionsRefusedByProxy: proxy.refused,
        recoveredAfterRestore: recovered.length,
        ...stored,
        eventsLost: answered - stored.answeredEvents,
        requestLogsLost: answered - stored.answeredRequestLogs,
      });

      expect(failed.length).toBeGreaterThan(0);
      expect(Object.keys(result.statuses).sort()).toEqual(['201', '503']);
      for (const answer of failed) {
        expect(answer).toMatchObject({ status: 503, bodyTraceId: answer.traceId });
        expect(answer.traceId).not.toBe('');
      }
      expect(recovered.length).toBeGreaterThan(0);
      expect(stored).toMatchObject({
        answeredRows: answered,
        answeredEvents: answered,
        answeredRequestLogs: answered,
      });
      expect(api.output()).not.toMatch(/Dropped \d+ item/);
    } finally {
      await api.terminate();
      await proxy.close();
      await sql(
        withDatabase(serverUrl, 'postgres'),
        `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`,
      );
    }
  }, 150_000);
});
