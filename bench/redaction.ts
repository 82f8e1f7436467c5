/**
 * Throughput of the redaction engine (libs/redaction) on typical log records: 10 000 records,
 * clean ones and ones with secrets in keys, nested values and text. After a warm-up, each
 * scenario runs several rounds; prints the median records/s per scenario and writes the figures
 * to bench/results/redaction.json. It measures; it asserts nothing.
 *
 * Run: `npx ts-node --transpile-only bench/redaction.ts` (from the repository root).
 */
import { cpus } from 'node:os';
import { redactor } from '../libs/redaction/src';
import { generators, seededRandom } from './support/random';
import { writeResult } from './support/results';

const RECORDS = 10_000;
const WARM_UP_PASSES = 3;
const ROUNDS = 7;
const MIN_ROUND_MS = 400;

const next = seededRandom(42);
const { pick, hex } = generators(next);
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;

const PATHS = ['/api/accounts', '/api/transactions', '/api/budgets', '/api/categories'];
const MESSAGES = ['request completed', 'transaction created', 'budget updated', 'cache miss'];

/** A log record without secrets: a dozen keys, a few nested objects, short strings. */
function cleanRecord(index: number): Record<string, unknown> {
  return {
    level: 30,
    time: 1_705_314_600_000 + index,
    msg: pick(MESSAGES),
    traceId: hex(32),
    userId: uuid(),
    req: {
      id: index,
      method: pick(['GET', 'POST', 'PATCH']),
      url: `${pick(PATHS)}/${uuid()}?page=${index % 9}&sort=date`,
      headers: { host: 'localhost:3000', 'user-agent': 'Mozilla/5.0', accept: 'application/json' },
    },
    res: { statusCode: pick([200, 201, 204, 404]) },
    responseTime: Math.round(next() * 200),
    amount: Math.round(next() * 100_000) / 100,
    tags: ['api', pick(['read', 'write'])],
  };
}

/** The same shape with secrets in keys, nested values and text. */
function secretRecord(index: number): Record<string, unknown> {
  const record = cleanRecord(index);
  const jwt = `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI${hex(12)}In0.${hex(43)}`;
  return {
    ...record,
    msg: pick([
      `charged card 4111 1111 1111 1111 for ${record.amount} EUR`,
      `callback https://example.com/cb?state=${hex(8)}&access_token=${hex(24)}`,
      `connecting to postgres://ledger:${hex(12)}@db:5432/ledger`,
      `customer ssn 123-45-6789 verified`,
    ]),
    req: {
      ...(record.req as object),
      headers: { host: 'localhost:3000', authorization: `Bearer ${jwt}`, cookie: `sid=${hex(32)}` },
      body: { email: 'ann@example.com', password: hex(16), profile: { apiKey: hex(32) } },
    },
  };
}

interface ScenarioResult {
  name: string;
  recordsPerSecond: number;
  minRecordsPerSecond: number;
  maxRecordsPerSecond: number;
}

/** Counts the results, so that no redaction can be optimised away. */
let redacted = 0;

/** Records per second of one round: as many passes over the records as fit in MIN_ROUND_MS. */
function measureRound(work: () => void, recordsPerPass: number): number {
  let passes = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_ROUND_MS) {
    work();
    passes++;
    elapsed = performance.now() - start;
  }
  return (passes * recordsPerPass * 1000) / elapsed;
}

const format = (count: number) => Math.round(count).toLocaleString('en-US');

function runScenario<T>(name: string, items: readonly T[], redact: (item: T) => unknown) {
  const work = () => {
    for (const item of items) redacted += redact(item) === undefined ? 0 : 1;
  };
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) work();
  const rates = Array.from({ length: ROUNDS }, () => measureRound(work, items.length)).sort(
    (a, b) => a - b,
  );
  const result: ScenarioResult = {
    name,
    recordsPerSecond: Math.round(rates[Math.floor(ROUNDS / 2)]),
    minRecordsPerSecond: Math.round(rates[0]),
    maxRecordsPerSecond: Math.round(rates[ROUNDS - 1]),
  };
  console.log(
    `${name.padEnd(36)} ${format(result.recordsPerSecond).padStart(9)} records/s` +
      `  (min ${format(result.minRecordsPerSecond)}, max ${format(result.maxRecordsPerSecond)})`,
  );
  return result;
}

const clean = Array.from({ length: RECORDS }, (_, index) => cleanRecord(index));
const secret = Array.from({ length: RECORDS }, (_, index) => secretRecord(index));
const mixed = Array.from({ length: RECORDS }, (_, index) =>
  index % 10 === 0 ? secretRecord(index) : cleanRecord(index),
);
const lines = mixed.map((record) => JSON.stringify(record));

console.log(`redaction benchmark: ${format(RECORDS)} records, median of ${ROUNDS} rounds`);
const scenarios = [
  runScenario('redact: clean records', clean, (item) => redactor.redact(item)),
  runScenario('redact: records with secrets', secret, (item) => redactor.redact(item)),
  runScenario('redact: mixed (1 in 10 with secrets)', mixed, (item) => redactor.redact(item)),
  runScenario('redactText: mixed records as JSON', lines, (line) => redactor.redactText(line)),
];

const results = {
  benchmark: 'redaction',
  date: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  cpu: cpus()[0]?.model ?? 'unknown',
  records: RECORDS,
  rounds: ROUNDS,
  unit: 'records/s (median of rounds)',
  scenarios,
};
console.log(`${format(redacted)} redactions in all`);
writeResult('redaction', results);
