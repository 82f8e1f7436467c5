import { generators, seededRandom } from '../support/random';

/** Settings of the logging bench (see bench/logging.ts for what each does and its default). */
export const ROWS = Number(process.env['BENCH_ROWS'] ?? 2_000_000);
export const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 20);
export const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
export const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 2);
export const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 200);
export const STATISTICS_SAMPLES = Number(process.env['BENCH_STATISTICS_SAMPLES'] ?? 100);
export const RETENTION_ROWS = Number(process.env['BENCH_RETENTION_ROWS'] ?? 200_000);

/** Which parts to run, e.g. `BENCH_PARTS=ingest` while working on one of them. */
export const PARTS = new Set((process.env['BENCH_PARTS'] ?? 'ingest,queries,retention').split(','));

export const TARGETS = { ingestRatio: 0.6, pageP95Ms: 15, statisticsP95Ms: 300 };

export const DAY_MS = 86_400_000;
export const ADMIN = { email: 'bench-admin@example.com', password: 'bench-admin-password' };
export const USER_AGENT = 'bench/1.0';

/** One generator for the whole run, drawn in the same order each time: the same data. */
export const next = seededRandom(7);
export const { pick, hex } = generators(next);

export const format = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
