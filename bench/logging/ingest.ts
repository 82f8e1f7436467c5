import autocannon from 'autocannon';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { BuiltApi, withClient } from '../../apps/api/harness';
import type { AppLogRecord } from '../../apps/api/src/modules/logging';
import { timed } from '../support/latency';
import { COPY_COLUMNS } from './app-logs';
import {
  batchBody,
  bodySource,
  browserEntry,
  copyLine,
  ENTRIES_PER_BATCH,
  recordOf,
} from './browser-entries';
import { logWriter } from './log-services';
import { CONNECTIONS, format, ROUNDS, SECONDS, TARGETS, USER_AGENT } from './settings';

/**
 * 1. Ingest: log records/s stored through `POST /api/v1/logging/logs/batch` (autocannon,
 *    BENCH_CONNECTIONS clients, 100 fresh entries of ~370 bytes a batch, anonymous), counted in
 *    the table afterwards, beside the raw ceiling of the same table: one `COPY app_logs FROM
 *    STDIN` (pg-copy-streams) of as many similar rows, with the same indexes. Target: the API
 *    stores at least 60% of the COPY rate (medians of BENCH_ROUNDS rounds). In between, as a
 *    diagnosis, the API's own writer (AppLogWriter's INSERT) run in this process on as many
 *    rows, BENCH_CONNECTIONS at a time: what HTTP, validation and redaction add to the SQL.
 */

const WARM_UP_SECONDS = 3;

async function frontendRows(db: DataSource): Promise<number> {
  const [{ count }] = (await db.query(
    `SELECT count(*)::int AS count FROM app_logs WHERE source = 'frontend'`,
  )) as [{ count: number }];
  return count;
}

/** Empties `app_logs` (every partition) and flushes, so a write test starts from the same state. */
async function emptyLogs(db: DataSource): Promise<void> {
  await db.query('TRUNCATE app_logs');
  await db.query('CHECKPOINT');
}

function ingestLoad(
  server: BuiltApi,
  seconds: number,
  stored: { count: number },
  nextBody = bodySource(),
) {
  return autocannon({
    url: `${server.baseUrl}/api/v1/logging/logs/batch`,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({ ...request, body: nextBody() }),
        onResponse: (status, body) => {
          if (status === 200) stored.count += (JSON.parse(body) as { stored: number }).stored;
        },
      },
    ],
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const seconds = (ms: number) => Number((ms / 1000).toFixed(2));

/** Stores rows through the API for SECONDS, then as many with the writer's INSERT and COPY. */
async function ingestRound(server: BuiltApi, db: DataSource, round: number) {
  await ingestLoad(server, WARM_UP_SECONDS, { count: 0 });
  await emptyLogs(db);

  const reported = { count: 0 };
  const bodies = bodySource();
  const load = await timed(() => ingestLoad(server, SECONDS, reported, bodies));
  await new Promise((done) => setTimeout(done, 500));
  const rows = await frontendRows(db);
  const result = load.result;
  const api = {
    rowsStored: rows,
    rowsReportedStored: reported.count,
    elapsedSeconds: seconds(load.ms),
    rowsPerSecond: Math.round(rows / (load.ms / 1000)),
    batches: result.requests.total,
    batchLatencyP50Ms: result.latency.p50,
    batchLatencyP99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };

  // The writer's INSERT alone, as many rows, CONNECTIONS batches at a time: no HTTP, no Nest.
  await emptyLogs(db);
  const writer = logWriter(db);
  const batches: AppLogRecord[][] = [];
  for (let i = 0; i < rows; i += ENTRIES_PER_BATCH) {
    const now = Date.now();
    const size = Math.min(ENTRIES_PER_BATCH, rows - i);
    batches.push(Array.from({ length: size }, () => recordOf(browserEntry(now))));
  }
  const direct = await timed(async () => {
    let nextBatch = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (nextBatch < batches.length) await writer.write(batches[nextBatch++]);
      }),
    );
  });
  const written = await frontendRows(db);
  const writerInsert = {
    rows: written,
    elapsedSeconds: seconds(direct.ms),
    rowsPerSecond: Math.round(written / (direct.ms / 1000)),
  };

  await emptyLogs(db);
  const lines: string[] = [];
  const now = Date.now();
  for (let i = 0; i < rows; i += 1000) {
    const size = Math.min(1000, rows - i);
    lines.push(Array.from({ length: size }, () => copyLine(recordOf(browserEntry(now)))).join(''));
  }
  const copied = await timed(() =>
    withClient(server.databaseUrl, (client) =>
      pipeline(
        Readable.from(lines),
        client.query(copyFrom(`COPY app_logs (${COPY_COLUMNS}) FROM STDIN`)),
      ),
    ),
  );
  const copiedRows = await frontendRows(db);
  const copy = {
    rows: copiedRows,
    elapsedSeconds: seconds(copied.ms),
    rowsPerSecond: Math.round(copiedRows / (copied.ms / 1000)),
  };
  await emptyLogs(db);

  console.log(
    `   round ${round}: API ${format(api.rowsPerSecond)} rows/s (${format(rows)} rows in ` +
      `${format(api.elapsedSeconds, 1)} s, ${format(api.batches)} batches, p50 ${api.batchLatencyP50Ms} ms, ` +
      `p99 ${api.batchLatencyP99Ms} ms, errors ${api.errors + api.non2xx}); writer INSERT ` +
      `${format(writerInsert.rowsPerSecond)} rows/s; COPY ${format(copy.rowsPerSecond)} rows/s`,
  );
  return { round, api, writerInsert, copy };
}

export async function ingest(server: BuiltApi, db: DataSource) {
  const entryBytes = Buffer.byteLength(batchBody()) / ENTRIES_PER_BATCH;
  console.log(
    `\n1. Ingest: POST /api/v1/logging/logs/batch, ${CONNECTIONS} connections, ${SECONDS} s, ` +
      `${ENTRIES_PER_BATCH} entries (~${format(entryBytes)} bytes each) a batch; then the ` +
      `writer's INSERT (${CONNECTIONS} at a time) and one COPY of as many rows; ${ROUNDS} rounds`,
  );
  const rounds = [];
  for (let round = 1; round <= ROUNDS; round++) rounds.push(await ingestRound(server, db, round));
  const api = Math.round(median(rounds.map((r) => r.api.rowsPerSecond)));
  const writerInsert = Math.round(median(rounds.map((r) => r.writerInsert.rowsPerSecond)));
  const copy = Math.round(median(rounds.map((r) => r.copy.rowsPerSecond)));
  const ratio = api / copy;
  console.log(
    `   medians: API ${format(api)}, writer INSERT ${format(writerInsert)}, COPY ${format(copy)} ` +
      `rows/s; API / COPY = ${format(ratio * 100, 1)}% (target ≥ ${TARGETS.ingestRatio * 100}%); ` +
      `API / writer INSERT = ${format((api / writerInsert) * 100, 1)}%`,
  );
  return {
    connections: CONNECTIONS,
    secondsPerRound: SECONDS,
    rounds: ROUNDS,
    entriesPerBatch: ENTRIES_PER_BATCH,
    averageEntryBytes: Math.round(entryBytes),
    note:
      'API run with LOG_PERSIST_LEVEL=warn; only source=frontend rows are counted; each ' +
      'round stores the same number of rows three ways into an emptied app_logs (all indexes)',
    apiRowsPerSecond: api,
    writerInsertRowsPerSecond: writerInsert,
    copyRowsPerSecond: copy,
    copyStreams: 1,
    ratio: Number(ratio.toFixed(3)),
    apiOverWriterInsert: Number((api / writerInsert).toFixed(3)),
    targetRatio: TARGETS.ingestRatio,
    met: ratio >= TARGETS.ingestRatio,
    perRound: rounds,
  };
}
