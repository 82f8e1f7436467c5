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

  /** The plan's scans (`Seq Scan on audit_events`) and the indexes it uses. */
  async function planOf(query: SelectQueryBuilder<object>) {
    const [sql, parameters] = query.getQueryAndParameters();
    const [row] = await testApp.dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters);
    const nodes = nodesOf(row['QUERY PLAN'][0].Plan);
    return {
      scans: nodes
        .filter((node) => node['Relation Name'])
        .map((node) => `${node['Node Type']} on ${node['Relation Name']}`),
      indexes: nodes.flatMap((node) => (node['Index Name'] ? [node['Index Name']] : [])),
    };
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    service = testApp.app.get(AuditLogsService);
    await testApp.dataSource.query(
      `INSERT INTO audit_events (occurred_at, actor_id, source, action, category, resource_type,
         resource_id, result, severity, message, ip, trace_id)
       SELECT now() - g * interval '10 seconds',
         ('00000000-0000-4000-8000-' || lpad((g % 500)::text, 12, '0'))::uuid,
         (ARRAY['api-service', 'background-job', 'frontend', 'system'])[1 + g % 4],
         'action.' || (g % 40), 'data', 'type' || (g % 20), 'resource-' || g,
         CASE WHEN g % 50 = 0 THEN 'failure' ELSE 'success' END,
         CASE WHEN g % 50 = 0 THEN 'WARNING' WHEN g % 997 = 0 THEN 'CRITICAL' ELSE 'INFO' END,
         'message number ' || g, '10.' || (g % 200) || '.0.' || (g % 250), md5(g::text)
       FROM generate_series(1, $1) g`,
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
