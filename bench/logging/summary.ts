import type { LatencySummary } from '../support/latency';
import type { ingest } from './ingest';
import type { queries } from './queries';
import type { retention } from './retention';
import { format, TARGETS } from './settings';

/** What each part found; a part not run (BENCH_PARTS) found nothing. */
export interface LoggingResults {
  ingest?: Awaited<ReturnType<typeof ingest>>;
  query?: Awaited<ReturnType<typeof queries>>;
  retention?: Awaited<ReturnType<typeof retention>>;
}

const row = (label: string, value: string, target = '', met?: boolean) =>
  console.log(
    `  ${label.padEnd(40)} ${value.padEnd(42)} ${target.padEnd(12)} ${met === undefined ? '' : met ? 'met' : 'NOT met'}`.trimEnd(),
  );
const latency = (summary: LatencySummary) =>
  `p50 ${format(summary.p50Ms, 1)} / p95 ${format(summary.p95Ms, 1)} / mean ${format(summary.meanMs, 1)}`;

/** The table printed at the end of a run. */
export function printSummary(results: LoggingResults): void {
  const { ingest: ingestResult, query: queryResult, retention: retentionResult } = results;
  console.log('\nSummary');
  if (ingestResult) {
    row('Ingest, API (rows/s)', format(ingestResult.apiRowsPerSecond));
    row('Ingest, writer INSERT direct (rows/s)', format(ingestResult.writerInsertRowsPerSecond));
    row('Ingest, COPY ceiling (rows/s)', format(ingestResult.copyRowsPerSecond));
    row(
      'Ingest, API / COPY',
      `${format(ingestResult.ratio * 100, 1)}%`,
      `≥ ${TARGETS.ingestRatio * 100}%`,
      ingestResult.met,
    );
  }
  for (const scenario of queryResult?.scenarios ?? []) {
    row(
      `${scenario.name}, API (ms)`,
      latency(scenario.api),
      `p95 ≤ ${scenario.targetP95Ms}`,
      scenario.met.api,
    );
    row(
      `${scenario.name}, direct (ms)`,
      latency(scenario.direct),
      `p95 ≤ ${scenario.targetP95Ms}`,
      scenario.met.direct,
    );
  }
  if (retentionResult) {
    row('Retention, DROP TABLE of a day (ms)', format(retentionResult.dropPartitionMs, 1));
    row(
      'Retention, DELETE of a day (ms)',
      `${format(retentionResult.deleteMs, 0)} (+ VACUUM ${format(retentionResult.vacuumAfterDeleteMs, 0)})`,
    );
  }
}
