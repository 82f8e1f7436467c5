import { SelectQueryBuilder } from 'typeorm';
import { AuditLogsService } from '../src/modules/audit/audit-logs.service';
import { AuditLogFilterDto } from '../src/modules/audit/dto/audit-log-query.dto';
import { createTestApp, TestApp } from './support/test-app';

const EVENTS = 60_000;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

describe('action log queries are index-backed', () => {
  let testApp: TestApp;
  let service: AuditLogsService;

  /**
   * Of each name, the partitioned table or index it belongs to, if any
   * (`audit_events_p202612_trace_id_idx` → `idx_audit_events_trace`), and whether it is a
   * partition that holds no rows (as of the last ANALYZE): scanning that reads nothing.
   */
  async function partitionRoots(names: string[]) {
    const rows: { name: string; root: string; empty: boolean }[] = await testApp.dataSource.query(
      `SELECT name, coalesce(pg_partition_root(name::regclass)::text, name) AS root,
           c.relispartition AND c.reltuples = 0 AS empty
         FROM unnest($1::text[]) AS name JOIN pg_class c ON c.oid = name::regclass`,
      [names],
    );
    return new Map(rows.map((row) => [row.name, row]));
  }

  /**
   * The plan's scans (`Seq Scan on audit_events`) and the indexes it uses, partitions named by
   * their partitioned table or index; scans of empty partitions left out.
   */
  async function planOf(query: SelectQueryBuilder<object>) {
    const [sql, parameters] = query.getQueryAndParameters();
    const [row] = await testApp.dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters);
    const nodes = nodesOf(row['QUERY PLAN'][0].Plan);
    const names = nodes.flatMap((node) => [node['Relation Name'] ?? [], node['Index Name'] ?? []]);
    const roots = await partitionRoots(names.flat());
    const rootOf = (name: string) => roots.get(name)?.root ?? name;
    const scans = nodes.flatMap((node) => {
      const relation = node['Relation Name'];
      if (!relation || roots.get(relation)?.empty) return [];
      return [`${node['Node Type']} on ${rootOf(relation)}`];
    });
    const indexes = nodes.flatMap((node) =>
      node['Index Name'] ? [rootOf(node['Index Name'])] : [],
    );
    return { scans: [...new Set(scans)], indexes: [...new Set(indexes)] };
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    service = testApp.app.get(AuditLogsService);
    await testApp.dataSource.query(
      `INSERT INTO audit_events (occurred_at, actor_id, source, action, category, resource_type,
         resource_id, result, severity, message, ip, trace_id)
       SELECT week_end - g * interval '10 seconds',
         ('00000000-0000-4000-8000-' || lpad((g % 500)::text, 12, '0'))::uuid,
         (ARRAY['api-service', 'background-job', 'frontend', 'system'])[1 + g % 4],
         'action.' || (g % 40), 'data', 'type' || (g % 20), 'resource-' || g,
         CASE WHEN g % 50 = 0 THEN 'failure' ELSE 'success' END,
         CASE WHEN g % 50 = 0 THEN 'WARNING' WHEN g % 997 = 0 THEN 'CRITICAL' ELSE 'INFO' END,
         'message number ' || g, '10.' || (g % 200) || '.0.' || (g % 250), md5(g::text)
       FROM generate_series(1, $1) g,
         -- The week of rows lies in one month partition, as it would in the middle of a month:
         -- in a month's first week, its end is a little ahead of now.
         LATERAL (SELECT greatest(now(), date_trunc('month', now() AT TIME ZONE 'UTC')
           AT TIME ZONE 'UTC' + interval '7 days') AS week_end) w`,
      [EVENTS],
    );
    // At the default statistics target ANALYZE samples 30,000 of these rows, and the estimate
    // for a rare text match (and so the plan) would depend on the sample: read them all.
    await testApp.dataSource.query(
      'ALTER TABLE audit_events ALTER COLUMN message SET STATISTICS 1000, ALTER COLUMN ip SET STATISTICS 1000',
    );
    await testApp.dataSource.query('ANALYZE audit_events');
  });
  afterAll(() => testApp.close());

  /** Filter, errors only, and the indexes a selective filter must use (any index otherwise). */
  const cases: [string, AuditLogFilterDto, boolean, string[]][] = [
    ['newest first, no filter', {}, false, []],
    ['a time range', { from: new Date(Date.now() - 3_600_000).toISOString() }, false, []],
    ['a source', { source: 'frontend' }, false, []],
    [
      'one user',
      { userId: '00000000-0000-4000-8000-000000000007' },
      false,
      ['idx_audit_events_actor'],
    ],
    ['one action', { action: 'action.7' }, false, ['idx_audit_events_action']],
    [
      'one resource',
      { resourceType: 'type3', resourceId: 'resource-23' },
      false,
      ['idx_audit_events_resource'],
    ],
    [
      'a rare result',
      { result: 'failure' },
      false,
      ['idx_audit_events_result', 'idx_audit_events_errors'],
    ],
    ['a rare severity', { severity: 'CRITICAL' }, false, ['idx_audit_events_severity']],
    ['text in message or IP', { q: 'number 4242' }, false, ['idx_audit_events_search']],
    ['errors only', {}, true, ['idx_audit_events_errors']],
  ];

  it.each(cases)('%s', async (_name, filters, onlyProblems, expectedIndexes) => {
    const page = service
      .filtered(filters, onlyProblems)
      .orderBy('e.occurredAt', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(50);
    const { scans, indexes } = await planOf(page);
    expect(scans).not.toContain('Seq Scan on audit_events');
    expect(indexes.length).toBeGreaterThan(0);
    if (expectedIndexes.length > 0) {
      expect(indexes.some((index) => expectedIndexes.includes(index))).toBe(true);
    }
  });

  it('looks up one trace by index', async () => {
    const byTrace = testApp.dataSource
      .createQueryBuilder()
      .select('*')
      .from('audit_events', 'e')
      .where('e.trace_id = :trace', { trace: 'abc' });
    expect((await planOf(byTrace)).indexes).toEqual(['idx_audit_events_trace']);
  });
});
