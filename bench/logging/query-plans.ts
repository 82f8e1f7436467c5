import type { DataSource } from 'typeorm';
import { CapturedQuery } from './log-services';
import { format } from './settings';

/** What the query part reads of `EXPLAIN (ANALYZE, BUFFERS)`. */

export interface PlanSummary {
  sql: string;
  params: unknown[];
  executionMs: number;
  planningMs: number;
  nodes: string[];
  indexes: Record<string, number>;
  seqScans: { table: string; rows: number }[];
  plan: string[];
}

/** `EXPLAIN (ANALYZE, BUFFERS)` of one captured statement, with what a reader looks for first. */
export async function explain(
  db: DataSource,
  query: CapturedQuery,
  parentIndex: Map<string, string>,
): Promise<PlanSummary> {
  const rows: { 'QUERY PLAN': string }[] = await db.query(
    `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`,
    query.params,
  );
  const plan = rows.map((row) => row['QUERY PLAN']);
  const time = (label: string) =>
    Number(plan.find((line) => line.includes(label))?.match(/([\d.]+) ms/)?.[1] ?? NaN);
  const nodes: string[] = [];
  const indexes: Record<string, number> = {};
  const seqScans: { table: string; rows: number }[] = [];
  for (const line of plan) {
    const node = line.match(/^\s*(?:->\s+)?([A-Z][A-Za-z ]*?)(?: using | on |\s+\(cost)/)?.[1];
    if (node && !nodes.includes(node)) nodes.push(node);
    const index = line
      .match(/ using (\S+)| Bitmap Index Scan on (\S+)/)
      ?.slice(1)
      .find(Boolean);
    if (index) {
      const name = parentIndex.get(index) ?? index;
      indexes[name] = (indexes[name] ?? 0) + 1;
    }
    const seq = line.match(/Seq Scan on (\S+).*actual time=\S+ rows=([\d.]+)/);
    if (seq) seqScans.push({ table: seq[1], rows: Number(seq[2]) });
  }
  return {
    sql: query.sql.replace(/\s+/g, ' ').trim(),
    params: query.params,
    executionMs: time('Execution Time'),
    planningMs: time('Planning Time'),
    nodes,
    indexes,
    seqScans,
    plan,
  };
}

export function seqScanNote(scans: PlanSummary['seqScans']): string {
  if (scans.length === 0) return '';
  const rows = scans.reduce((sum, scan) => sum + scan.rows, 0);
  return `; seq scans of ${scans.length} partitions (${format(rows)} rows)`;
}

/** Partition index name → the `app_logs` index it belongs to. */
export async function parentIndexes(db: DataSource): Promise<Map<string, string>> {
  const rows: { child: string; parent: string }[] = await db.query(
    `SELECT c.relname AS child, p.relname AS parent
     FROM pg_class p JOIN pg_inherits i ON i.inhparent = p.oid JOIN pg_class c ON c.oid = i.inhrelid
     WHERE p.relkind = 'I'`,
  );
  return new Map(rows.map((row) => [row.child, row.parent]));
}
